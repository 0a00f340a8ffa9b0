/// Parses space-separated hex bytes (`"AA AA 96"`); traps on bad input (test literals only).
func bytes(_ text: String) -> [UInt8] {
    text.split(separator: " ").map { UInt8($0, radix: 16)! }
}
