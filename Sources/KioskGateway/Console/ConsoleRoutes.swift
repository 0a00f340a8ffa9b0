import Hummingbird

/// The staff console's pages (server-rendered, Chinese, no JavaScript build step).
enum ConsoleRoutes {
    static func register(on router: Router<ConsoleRequestContext>, environment: ConsoleEnvironment) throws {
        _ = environment
    }
}
