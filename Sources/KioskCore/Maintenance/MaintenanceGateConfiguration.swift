/// How staff enter maintenance mode: a secret key/tap sequence, then the admin PIN.
package struct MaintenanceGateConfiguration: Sendable {
    /// The sequence, as input tokens the UI produces, e.g. `["key:F9", "key:F9", "key:0"]` or
    /// `["tap:top-left", "tap:top-right", "tap:top-left"]`. The UI decides the token names;
    /// the gate only compares them. Must not be empty.
    package var sequence: [String]
    /// The stored admin PIN hash.
    package var pinHash: PinHash
    /// The longest pause between two steps of the sequence before it starts over.
    package var sequenceStepTimeout: Duration
    /// How long the PIN prompt waits for a PIN before it closes.
    package var pinEntryTimeout: Duration
    /// Maintenance mode ends by itself after this long without activity (等保: 登录超时自动退出).
    package var inactivityTimeout: Duration
    /// Consecutive wrong PINs that lock the gate.
    package var maximumFailures: Int
    /// How long the gate stays locked after ``maximumFailures`` wrong PINs.
    package var lockoutDuration: Duration

    package init(
        sequence: [String], pinHash: PinHash, sequenceStepTimeout: Duration = .seconds(3),
        pinEntryTimeout: Duration = .seconds(30), inactivityTimeout: Duration = .seconds(120),
        maximumFailures: Int = 5, lockoutDuration: Duration = .seconds(300)
    ) {
        precondition(!sequence.isEmpty, "the maintenance key sequence must not be empty")
        precondition(maximumFailures >= 1, "maximumFailures must be at least 1")
        self.sequence = sequence
        self.pinHash = pinHash
        self.sequenceStepTimeout = sequenceStepTimeout
        self.pinEntryTimeout = pinEntryTimeout
        self.inactivityTimeout = inactivityTimeout
        self.maximumFailures = maximumFailures
        self.lockoutDuration = lockoutDuration
    }
}
