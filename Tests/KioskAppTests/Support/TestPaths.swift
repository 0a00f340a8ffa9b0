import Foundation

/// The repository checkout the tests run from (this file is Tests/KioskAppTests/Support/TestPaths.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
