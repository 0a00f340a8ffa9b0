import ArgumentParser

/// `kiosk-gateway feed new-epoch`: after a restore, PITR or a failover to a lagging standby.
struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed", abstract: "Maintain the change feed kiosks pull from.", subcommands: [NewEpoch.self])

    struct NewEpoch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new-epoch",
            abstract: "Start a new feed epoch: every kiosk rebuilds its replica from the snapshot.",
            discussion: """
                Run it after restoring the database (pg_restore, point-in-time recovery) or after a \
                failover to an asynchronous standby that lagged, before starting the gateways. `serve` \
                does it by itself when the feed holds transaction ids from another cluster (a dump \
                restored into a new cluster). Costs one snapshot download per kiosk.
                """)

        @OptionGroup var options: GatewayOptions

        func run() async throws {
            let configuration = try options.load()
            try await options.withDatabase(configuration) { database in
                try await FeedEpochGuard(database: database).rotate(actor: "cli", reason: "feed new-epoch")
            }
            print("new feed epoch: kiosks rebuild from the snapshot at their next pull")
        }
    }
}
