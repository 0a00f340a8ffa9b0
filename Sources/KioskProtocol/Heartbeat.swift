import Foundation

/// `POST /v1/device/heartbeat`: what a kiosk reports about itself (device state only, never a
/// citizen's data).
package struct HeartbeatRequest: Codable, Sendable, Equatable {
    package var appVersion: String
    package var configVersion: String?
    package var uptimeS: Int
    package var reader: ReaderReport
    package var printers: [PrinterReport]
    package var disk: DiskReport
    package var outbox: OutboxReport
    package var replica: ReplicaReport
    package var counters: Counters
    /// The kiosk's clock when it sent the heartbeat (the gateway derives the clock offset).
    package var sentAt: Date?
    /// Results of commands executed since the last heartbeat.
    package var commandResults: [CommandResult]

    package init(
        appVersion: String, configVersion: String? = nil, uptimeS: Int, reader: ReaderReport,
        printers: [PrinterReport], disk: DiskReport, outbox: OutboxReport, replica: ReplicaReport,
        counters: Counters, sentAt: Date? = nil, commandResults: [CommandResult] = []
    ) {
        self.appVersion = appVersion
        self.configVersion = configVersion
        self.uptimeS = uptimeS
        self.reader = reader
        self.printers = printers
        self.disk = disk
        self.outbox = outbox
        self.replica = replica
        self.counters = counters
        self.sentAt = sentAt
        self.commandResults = commandResults
    }

    /// The ID-card reader's state (XFS4IoT spelling: `online`, `offline`, `hardwareError`, …).
    package struct ReaderReport: Codable, Sendable, Equatable {
        package var state: String
        package init(state: String) { self.state = state }
    }

    /// One printer queue.
    package struct PrinterReport: Codable, Sendable, Equatable {
        package var name: String
        package var state: String
        /// CUPS `printer-state-reasons`.
        package var reasons: [String]
        package var paper: PaperLevel
        package init(name: String, state: String, reasons: [String] = [], paper: PaperLevel) {
            self.name = name
            self.state = state
            self.reasons = reasons
            self.paper = paper
        }
    }

    /// Paper as the heartbeat reports it.
    package enum PaperLevel: String, Codable, Sendable, CaseIterable {
        case ok, low, out, unknown
    }

    package struct DiskReport: Codable, Sendable, Equatable {
        package var freePct: Double
        package init(freePct: Double) { self.freePct = freePct }
    }

    package struct OutboxReport: Codable, Sendable, Equatable {
        package var pending: Int
        package var deadLettered: Int
        package var oldestAgeS: Int?
        package init(pending: Int, deadLettered: Int, oldestAgeS: Int? = nil) {
            self.pending = pending
            self.deadLettered = deadLettered
            self.oldestAgeS = oldestAgeS
        }
    }

    package struct ReplicaReport: Codable, Sendable, Equatable {
        package var cursor: String?
        package var lagS: Int?
        package var rows: Int
        package init(cursor: String? = nil, lagS: Int? = nil, rows: Int) {
            self.cursor = cursor
            self.lagS = lagS
            self.rows = rows
        }
    }

    /// Counts since the kiosk started.
    package struct Counters: Codable, Sendable, Equatable {
        package var sessions: Int
        package var receipts: Int
        package var mailRequests: Int
        package var evaluations: Int
        package init(sessions: Int = 0, receipts: Int = 0, mailRequests: Int = 0, evaluations: Int = 0) {
            self.sessions = sessions
            self.receipts = receipts
            self.mailRequests = mailRequests
            self.evaluations = evaluations
        }
    }
}

/// The gateway's answer to a heartbeat.
package struct HeartbeatResponse: Codable, Sendable, Equatable {
    package var serverTime: Date
    /// Seconds until the next heartbeat, already jittered ±20 %.
    package var nextHeartbeatS: Int
    package var syncIntervalS: Int
    /// The configuration version the kiosk should run (fetch `/v1/device/config` when it differs).
    package var configVersion: String
    package var commands: [DeviceCommand]

    package init(
        serverTime: Date, nextHeartbeatS: Int, syncIntervalS: Int, configVersion: String, commands: [DeviceCommand]
    ) {
        self.serverTime = serverTime
        self.nextHeartbeatS = nextHeartbeatS
        self.syncIntervalS = syncIntervalS
        self.configVersion = configVersion
        self.commands = commands
    }
}
