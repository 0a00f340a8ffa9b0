import Foundation

/// ``BackOffice`` over the local SQLite replica; submissions go to the outbox for the sync service.
package struct LocalBackOffice: BackOffice {
    package let database: AppDatabase
    package let terminalId: String

    /// - Parameters:
    ///   - database: the kiosk's database.
    ///   - terminalId: written into the audit rows of submissions.
    package init(database: AppDatabase, terminalId: String) {
        self.database = database
        self.terminalId = terminalId
    }

    package func caseFiles(forIdNumber idNumber: String) async throws -> [CaseFile] {
        try await database.caseFiles(forIdNumber: idNumber.uppercased())
    }

    package func application(number: String, queryPassword: String) async throws -> CaseFile? {
        guard CaseNumber.isValid(number) else { return nil }
        return try await database.caseFile(number: number, queryPassword: queryPassword)
    }

    package func submitMailRequest(_ request: MailRequest) async throws -> MailSubmission {
        if let existing = try await database.mailRequest(caseNumber: request.caseNumber) {
            return .existing(existing)
        }
        guard let caseFile = try await database.caseFile(number: request.caseNumber) else {
            throw BackOfficeError.unknownCase(request.caseNumber)
        }
        let item = try await database.serviceItem(for: caseFile)
        guard caseFile.isMailEligible(item: item) else { throw BackOfficeError.notMailEligible(request.caseNumber) }
        return try await database.submitMailRequest(request, terminalId: terminalId)
    }

    package func submitEvaluation(_ evaluation: Evaluation) async throws -> EvaluationSubmission {
        try await database.submitEvaluation(evaluation, terminalId: terminalId)
    }
}
