import GRDB

extension Migration {
    /// The citizen's journey: the 办件 replica, service items, holidays, mail requests, evaluations
    /// and the outbox that carries confirmed requests upstream.
    static let v2Domain = Migration("v2-domain") { db in
        try db.create(table: "serviceItem") { t in
            t.primaryKey("code", .text)
            t.column("name", .text).notNull()
            t.column("department", .text).notNull()
            t.column("allowsMail", .boolean).notNull()
            t.column("mailIsFree", .boolean).notNull()
            t.column("consultPhone", .text)
            t.column("supervisionPhone", .text)
        }
        // The replica. ID numbers are stored as the platform sends them and indexed, so a card
        // read finds its 办件 with two index probes.
        try db.create(table: "caseFile") { t in
            t.primaryKey("number", .text)
            t.column("itemName", .text).notNull()
            t.column("itemCode", .text)
            t.column("department", .text).notNull()
            t.column("applicantName", .text).notNull()
            t.column("applicantIdNumber", .text).notNull()
            t.column("agentIdNumber", .text)
            t.column("approvalType", .integer).notNull()
            t.column("statusCode", .integer).notNull()
            t.column("resultCode", .integer)
            t.column("acceptedAt", .datetime)
            t.column("promiseLimit", .integer)
            t.column("promiseUnit", .integer)
            t.column("promisedAt", .datetime)
            t.column("pauses", .jsonText).notNull()
            t.column("finishedAt", .datetime)
            t.column("deliveredAt", .datetime)
            t.column("itemAllowsMail", .boolean).notNull()
            t.column("mailFlagged", .boolean).notNull()
            t.column("certificateName", .text)
            t.column("consultPhone", .text)
            t.column("supervisionPhone", .text)
            t.column("addressOnRecord", .text)
            t.column("queryPasswordHash", .text)
            t.column("steps", .jsonText).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(index: "caseFileApplicant", on: "caseFile", columns: ["applicantIdNumber"])
        try db.create(index: "caseFileAgent", on: "caseFile", columns: ["agentIdNumber"])

        // National (holiday-cn) and local override days; `holidayYear` records which notice years
        // are loaded, so a year with a file is "known" even where no day of it is listed.
        try db.create(table: "holiday") { t in
            t.column("date", .text).notNull()
            t.column("name", .text).notNull()
            t.column("isOffDay", .boolean).notNull()
            t.column("source", .text).notNull()  // "national" or "local"
            t.column("year", .integer)
            t.primaryKey(["date", "source"])
        }
        try db.create(table: "holidayYear") { t in
            t.primaryKey("year", .integer)
            t.column("importedAt", .datetime).notNull()
        }

        try db.create(table: "mailRequest") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("caseNumber", .text).notNull().unique()
            t.column("idempotencyKey", .text).notNull().unique()
            t.column("recipientName", .text)
            t.column("phone", .text)
            t.column("regionCode", .text).notNull()
            t.column("address", .text)
            t.column("postcode", .text).notNull()
            t.column("certificateName", .text).notNull()
            t.column("status", .text).notNull()
            t.column("waybillNumber", .text)
            t.column("requestedAt", .datetime).notNull().indexed()
            t.column("updatedAt", .datetime).notNull()
            t.column("deliveredAt", .datetime)
            t.column("personalDataPurgedAt", .datetime)
        }

        try db.create(table: "evaluation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("caseNumber", .text).notNull()
            t.column("channel", .integer).notNull()
            t.column("level", .text).notNull()
            t.column("reasons", .jsonText).notNull()
            t.column("comment", .text)
            t.column("callbackPhone", .text)
            t.column("round", .integer).notNull()  // 评价次数: 1 first, 2 追评
            t.column("ratedAt", .datetime).notNull()
            t.column("regionCode", .text).notNull()
            t.column("idempotencyKey", .text).notNull().unique()
            t.uniqueKey(["caseNumber", "channel", "round"])
        }

        // Durable rows a sync service delivers later. The payload references the record (kind +
        // id), so purging personal data touches one table only.
        try db.create(table: "outbox") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull()
            t.column("recordId", .integer).notNull()
            t.column("idempotencyKey", .text).notNull().unique()
            t.column("createdAt", .datetime).notNull()
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("nextAttemptAt", .datetime)
            t.column("lastError", .text)
            t.column("deliveredAt", .datetime)
        }
        try db.create(index: "outboxPending", on: "outbox", columns: ["deliveredAt", "nextAttemptAt"])
    }
}
