import Foundation
import KioskTestSupport
import Testing

/// `scripts/check-imports` (run by scripts/test on the repository before it builds): Package.swift
/// must declare what each target imports, and nothing it does not.
@Suite struct ImportCheckTests {
    let script = repositoryRoot.appending(path: "scripts/check-imports")

    /// A tree with one target `A` whose only file has `imports`, declared with `dependencies`; its
    /// sources are in `path` when given (as Package.swift's `path:`), else in Sources/A.
    func check(imports: [String], dependencies: [String], path: String? = nil) async throws -> ProgramResult {
        let root = FileManager.default.temporaryDirectory.appending(path: "import-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let sources = root.appending(path: path ?? "Sources/A")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let code = imports.map { "import \($0)\n" }.joined() + "let greeting = \"\"\"\nimport NotReal\n\"\"\"\n"
        try code.write(to: sources.appending(path: "A.swift"), atomically: true, encoding: .utf8)
        var target: [String: Any] = [
            "name": "A", "type": "regular", "dependencies": dependencies.map { ["byName": [$0, NSNull()]] },
        ]
        if let path { target["path"] = path }
        let package: [String: Any] = ["targets": [target]]
        let json = root.appending(path: "package.json")
        try JSONSerialization.data(withJSONObject: package).write(to: json)
        return try await runProgram(
            URL(fileURLWithPath: "/usr/bin/python3"),
            [script.path, "--root", root.path, "--package-json", json.path], environment: [:])
    }

    @Test("an import that Package.swift does not declare is reported")
    func undeclaredImport() async throws {
        let result = try await check(imports: ["Foundation", "GRDB"], dependencies: [])
        #expect(result.status == 1)
        #expect(result.standardError.contains("A: imports GRDB"))
        #expect(!result.standardError.contains("NotReal"), "text inside a string literal is not an import")
    }

    @Test("a declared dependency nothing imports is reported")
    func unusedDependency() async throws {
        let result = try await check(imports: ["Logging"], dependencies: ["Logging", "KioskUI"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("A: declares KioskUI"))
        #expect(!result.standardError.contains("declares Logging"))
    }

    @Test("a target with its own path (like Tests/KioskTestSupport) is read from that path")
    func targetWithPath() async throws {
        let undeclared = try await check(imports: ["GRDB"], dependencies: [], path: "Tests/Support")
        #expect(undeclared.status == 1)
        #expect(undeclared.standardError.contains("A: imports GRDB"), "\(undeclared.standardError)")
        let matching = try await check(imports: ["GRDB"], dependencies: ["GRDB"], path: "Tests/Support")
        #expect(matching.status == 0, "\(matching.standardError)")
    }

    @Test("matching imports and dependencies pass")
    func matching() async throws {
        let result = try await check(imports: ["Foundation", "Logging"], dependencies: ["Logging"])
        #expect(result.status == 0, "\(result.standardError)")
    }
}
