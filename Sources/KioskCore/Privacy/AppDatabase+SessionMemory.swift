import GRDB

extension AppDatabase {
    /// Frees what SQLite still holds of a session's queries (rule R5): on the writer and on every
    /// reader connection (they are persistent, see ``makeConfiguration()``), the cached statements
    /// with their bound values (the card's ID number), the schema cache and the page cache
    /// (`sqlite3_db_release_memory`).
    /// Called when a session ends; with glibc's `M_PERTURB` the freed memory is overwritten.
    package func releaseSessionMemory() {
        if let pool = writer as? DatabasePool {
            pool.releaseMemory()
        } else if let queue = writer as? DatabaseQueue {
            queue.releaseMemory()
        }
    }
}
