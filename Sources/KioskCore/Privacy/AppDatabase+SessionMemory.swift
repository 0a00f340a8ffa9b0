import GRDB

extension AppDatabase {
    /// Frees what SQLite still holds of a session's queries (rule R5): the cached statements with
    /// their bound values (the card's ID number), the schema cache and the connections' page caches
    /// (`sqlite3_db_release_memory`); pooled reader connections are closed and reopened on demand.
    /// Called when a session ends; with glibc's `M_PERTURB` the freed memory is overwritten.
    package func releaseSessionMemory() {
        if let pool = writer as? DatabasePool {
            pool.releaseMemory()
        } else if let queue = writer as? DatabaseQueue {
            queue.releaseMemory()
        }
    }
}
