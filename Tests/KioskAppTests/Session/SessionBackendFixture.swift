import Foundation
import KioskCore
import KioskDevices
import KioskTestSupport
import KioskUI
import Logging
import Synchronization

@testable import KioskApp

/// A printer that completes every job at once and records what it printed and cancelled, by session.
final class RecordingPrinter: ReceiptPrinter {
    private let state = Mutex<(printed: [PrintSessionID], cancelled: [PrintSessionID])>(([], []))

    /// The sessions of the jobs printed, in order.
    var printed: [PrintSessionID] { state.withLock { $0.printed } }
    /// The sessions whose pending jobs were cancelled, in order.
    var cancelled: [PrintSessionID] { state.withLock { $0.cancelled } }

    func status() async -> PrinterStatus { PrinterStatus(device: .online, paper: .full) }

    func print(_ receipt: Receipt, session: PrintSessionID) async throws(PrintError) -> PrintReport {
        state.withLock { $0.printed.append(session) }
        return PrintReport(jobID: nil, byteCount: 0, warnings: [], textLines: [], bytesHash: 0)
    }

    func cancelPending(session: PrintSessionID) async {
        state.withLock { $0.cancelled.append(session) }
    }
}

/// The local back office, with failures that can be switched on: a storage error (the disk), a
/// back office that does not answer queries.
final class SwitchableBackOffice: BackOffice {
    /// A storage failure as the database would raise it (not a domain refusal).
    struct StorageFailure: Error {}

    private let local: LocalBackOffice
    private let failures = Mutex<(queries: Bool, storage: Bool, hold: Bool)>((false, false, false))
    private let arrivals: AsyncStream<Void>
    private let arrived: AsyncStream<Void>.Continuation
    private let releases: AsyncStream<Void>
    private let release: AsyncStream<Void>.Continuation

    init(database: AppDatabase) {
        local = LocalBackOffice(database: database, terminalId: "T-01")
        (arrivals, arrived) = AsyncStream.makeStream()
        (releases, release) = AsyncStream.makeStream()
    }

    /// Makes the next card query wait until ``releaseQuery()``.
    func holdQueries() { failures.withLock { $0.hold = true } }
    /// Returns once a held query is waiting.
    func queryArrived() async { for await _ in arrivals { return } }
    /// Lets the held query answer.
    func releaseQuery() { release.yield() }

    /// Makes queries throw from now on.
    func failQueries() { failures.withLock { $0.queries = true } }
    /// Makes submissions throw a storage failure from now on.
    func failStorage() { failures.withLock { $0.storage = true } }

    func caseFiles(forIdNumber idNumber: String) async throws -> [CaseFile] {
        if failures.withLock({ $0.queries }) { throw StorageFailure() }
        if failures.withLock({ state in
            defer { state.hold = false }
            return state.hold
        }) {
            arrived.yield()
            for await _ in releases { break }
        }
        return try await local.caseFiles(forIdNumber: idNumber)
    }

    func application(number: String, queryPassword: String) async throws -> CaseFile? {
        if failures.withLock({ $0.queries }) { throw StorageFailure() }
        return try await local.application(number: number, queryPassword: queryPassword)
    }

    func submitMailRequest(_ request: MailRequest) async throws -> MailSubmission {
        if failures.withLock({ $0.storage }) { throw StorageFailure() }
        return try await local.submitMailRequest(request)
    }

    func submitEvaluation(_ evaluation: Evaluation) async throws -> EvaluationSubmission {
        if failures.withLock({ $0.storage }) { throw StorageFailure() }
        return try await local.submitEvaluation(evaluation)
    }
}

/// A live back end over an in-memory ``AppDatabase`` (the ``ServiceItemFixture`` 办件), a
/// ``RecordingPrinter`` and a ``SwitchableBackOffice``; counts the storage-failure signals.
struct SessionBackendFixture {
    let backend: LiveSessionBackend
    let printer: RecordingPrinter
    let backOffice: SwitchableBackOffice
    let database: AppDatabase
    private let failures: Counter

    /// How often the back end reported a storage failure (the health check's probe).
    var storageFailureCount: Int { failures.value.withLock { $0 } }

    /// The card holder of every 办件 in the fixture.
    static func identity() -> Identity {
        Identity(
            kind: .residentIDCard, name: "张晓梅", sex: .female, nation: Nation(code: "01"),
            birthDate: CardDate(yyyymmdd: "19491231"), address: "北京市朝阳区示例路88号", number: "11010519491231002X",
            issuingAuthority: "北京市公安局朝阳分局", validity: nil,
            photo: CardPhoto(bytes: [UInt8](repeating: 0x5A, count: 1024)))
    }

    static func make() async throws -> SessionBackendFixture {
        let database = try await ServiceItemFixture.database()
        let printer = RecordingPrinter()
        let backOffice = SwitchableBackOffice(database: database)
        let failures = Counter()
        let backend = LiveSessionBackend(
            .init(
                database: database, backOffice: backOffice, printer: printer,
                deadlines: DeadlineCalculator(calendar: WorkingDayCalendar()),
                receiptSite: ReceiptSite(
                    siteName: "东城区政务服务中心", terminalID: "T-01", qrLink: ReceiptQRLink(key: Array(0..<16))),
                terminalId: "T-01", regionCode: "110101", consultPhone: "0000-12345", supervisionPhone: "0000-12389",
                now: { LiveSessionBackendItemTests.now }, logger: Logger(label: "kiosk.test"),
                storageFailed: { failures.value.withLock { $0 += 1 } }))
        // The synthesized memberwise init is private (``failures`` is): only make() builds a fixture.
        return SessionBackendFixture(
            backend: backend, printer: printer, backOffice: backOffice, database: database, failures: failures)
    }

    /// A counter the `storageFailed` closure can reach.
    final class Counter: Sendable {
        let value = Mutex(0)
    }
}
