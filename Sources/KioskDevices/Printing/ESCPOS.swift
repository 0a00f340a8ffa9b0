/// ESC/POS command bytes used by the receipt encoder (Epson ESC/POS, as implemented by Chinese
/// thermal printers).
enum ESCPOS {
    static let esc: UInt8 = 0x1B
    static let fs: UInt8 = 0x1C
    static let gs: UInt8 = 0x1D
    static let lf: UInt8 = 0x0A

    /// `ESC @`: initialise the printer.
    static let initialize: [UInt8] = [esc, 0x40]
    /// `FS &`: enter Chinese (Kanji) mode.
    static let enterChinese: [UInt8] = [fs, 0x26]
    /// `FS .`: leave Chinese mode.
    static let leaveChinese: [UInt8] = [fs, 0x2E]

    /// `ESC a n`: 0 left, 1 centre, 2 right.
    static func align(_ n: UInt8) -> [UInt8] { [esc, 0x61, n] }
    /// `ESC E n`: bold on/off.
    static func bold(_ on: Bool) -> [UInt8] { [esc, 0x45, on ? 1 : 0] }
    /// `GS ! n`: character size (bits 4–6 width − 1, bits 0–2 height − 1).
    static func size(doubleWidth: Bool, doubleHeight: Bool) -> [UInt8] {
        [gs, 0x21, (doubleWidth ? 0x10 : 0) | (doubleHeight ? 0x01 : 0)]
    }
    /// `FS ! n`: Chinese character print mode (bit 2 double width, bit 3 double height).
    static func chineseMode(doubleWidth: Bool, doubleHeight: Bool) -> [UInt8] {
        [fs, 0x21, (doubleWidth ? 0x04 : 0) | (doubleHeight ? 0x08 : 0)]
    }
    /// `ESC d n`: print and feed n lines.
    static func feed(_ lines: Int) -> [UInt8] { [esc, 0x64, UInt8(clamping: lines)] }
    /// `GS V m`: 0 full cut, 1 partial cut.
    static func cut(partial: Bool) -> [UInt8] { [gs, 0x56, partial ? 1 : 0] }

    /// `GS v 0 0 xL xH yL yH d…`: one raster band.
    static func rasterBand(bytesPerRow: Int, rows: Int, data: ArraySlice<UInt8>) -> [UInt8] {
        [gs, 0x76, 0x30, 0, UInt8(bytesPerRow & 0xFF), UInt8(bytesPerRow >> 8), UInt8(rows & 0xFF), UInt8(rows >> 8)]
            + data
    }

    /// `GS ( k` model 2, module size, EC level M, store `data`, print.
    static func nativeQR(_ data: [UInt8], moduleSize: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        func function(_ fn: UInt8, _ parameters: [UInt8]) {
            let length = parameters.count + 2
            bytes += [gs, 0x28, 0x6B, UInt8(length & 0xFF), UInt8(length >> 8), 49, fn] + parameters
        }
        function(65, [50, 0])  // model 2
        function(67, [UInt8(clamping: min(max(moduleSize, 1), 16))])
        function(69, [49])  // EC level M
        function(80, [48] + data)  // store
        function(81, [48])  // print
        return bytes
    }

    /// `DLE EOT n`: real-time status request (n = 1 printer, 2 offline cause, 3 error cause, 4 paper).
    static func statusRequest(_ n: UInt8) -> [UInt8] { [0x10, 0x04, n] }
}
