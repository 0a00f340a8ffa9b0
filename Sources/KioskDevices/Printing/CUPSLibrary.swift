import CCups
import Glibc

/// libcups, opened with `dlopen` the first time a CUPS printer is used.
///
/// The kiosk links no CUPS symbol: a kiosk whose printer is the preview, a socket printer or none
/// never maps libcups and the two dozen libraries it pulls in (about 4 MB of resident memory), and
/// still starts on a machine without libcups. The function types come from the CUPS headers
/// (`shim.h`), so a signature mismatch is a compile error, not a crash.
struct CUPSLibrary: @unchecked Sendable {
    let cupsServer: kiosk_cupsServer_f
    let cupsSetServer: kiosk_cupsSetServer_f
    let cupsUser: kiosk_cupsUser_f
    let cupsLastError: kiosk_cupsLastError_f
    let cupsLastErrorString: kiosk_cupsLastErrorString_f
    let cupsCreateJob: kiosk_cupsCreateJob_f
    let cupsStartDocument: kiosk_cupsStartDocument_f
    let cupsWriteRequestData: kiosk_cupsWriteRequestData_f
    let cupsFinishDocument: kiosk_cupsFinishDocument_f
    let cupsCancelJob2: kiosk_cupsCancelJob2_f
    let cupsDoRequest: kiosk_cupsDoRequest_f
    let httpConnect2: kiosk_httpConnect2_f
    let httpClose: kiosk_httpClose_f
    let ippPort: kiosk_ippPort_f
    let ippNewRequest: kiosk_ippNewRequest_f
    let ippDelete: kiosk_ippDelete_f
    let ippAddString: kiosk_ippAddString_f
    let ippAddStrings: kiosk_ippAddStrings_f
    let ippAddInteger: kiosk_ippAddInteger_f
    let ippFindAttribute: kiosk_ippFindAttribute_f
    let ippGetStatusCode: kiosk_ippGetStatusCode_f
    let ippGetInteger: kiosk_ippGetInteger_f
    let ippGetBoolean: kiosk_ippGetBoolean_f
    let ippGetCount: kiosk_ippGetCount_f
    let ippGetString: kiosk_ippGetString_f

    /// The shared library's soname (libcups2 on Debian).
    static let soname = "libcups.so.2"

    /// The library, loaded once; the error says why it could not be.
    static let shared: Result<CUPSLibrary, PrintError> = Result { () throws(PrintError) in try CUPSLibrary() }

    /// The loaded library.
    /// - Throws: ``PrintError`` (`cups(call: "dlopen", …)`) when libcups or one of its functions is missing.
    static func load() throws(PrintError) -> CUPSLibrary {
        try shared.get()
    }

    private init() throws(PrintError) {
        guard let handle = dlopen(Self.soname, RTLD_NOW | RTLD_LOCAL) else {
            throw PrintError.cups(call: "dlopen", message: Self.dlerrorText() + " (install libcups2)")
        }
        func symbol<Function>(_ name: String, as type: Function.Type) throws(PrintError) -> Function {
            guard let address = dlsym(handle, name) else {
                throw PrintError.cups(call: "dlsym", message: "\(Self.soname) has no \(name)")
            }
            return unsafeBitCast(address, to: type)
        }
        cupsServer = try symbol("cupsServer", as: kiosk_cupsServer_f.self)
        cupsSetServer = try symbol("cupsSetServer", as: kiosk_cupsSetServer_f.self)
        cupsUser = try symbol("cupsUser", as: kiosk_cupsUser_f.self)
        cupsLastError = try symbol("cupsLastError", as: kiosk_cupsLastError_f.self)
        cupsLastErrorString = try symbol("cupsLastErrorString", as: kiosk_cupsLastErrorString_f.self)
        cupsCreateJob = try symbol("cupsCreateJob", as: kiosk_cupsCreateJob_f.self)
        cupsStartDocument = try symbol("cupsStartDocument", as: kiosk_cupsStartDocument_f.self)
        cupsWriteRequestData = try symbol("cupsWriteRequestData", as: kiosk_cupsWriteRequestData_f.self)
        cupsFinishDocument = try symbol("cupsFinishDocument", as: kiosk_cupsFinishDocument_f.self)
        cupsCancelJob2 = try symbol("cupsCancelJob2", as: kiosk_cupsCancelJob2_f.self)
        cupsDoRequest = try symbol("cupsDoRequest", as: kiosk_cupsDoRequest_f.self)
        httpConnect2 = try symbol("httpConnect2", as: kiosk_httpConnect2_f.self)
        httpClose = try symbol("httpClose", as: kiosk_httpClose_f.self)
        ippPort = try symbol("ippPort", as: kiosk_ippPort_f.self)
        ippNewRequest = try symbol("ippNewRequest", as: kiosk_ippNewRequest_f.self)
        ippDelete = try symbol("ippDelete", as: kiosk_ippDelete_f.self)
        ippAddString = try symbol("ippAddString", as: kiosk_ippAddString_f.self)
        ippAddStrings = try symbol("ippAddStrings", as: kiosk_ippAddStrings_f.self)
        ippAddInteger = try symbol("ippAddInteger", as: kiosk_ippAddInteger_f.self)
        ippFindAttribute = try symbol("ippFindAttribute", as: kiosk_ippFindAttribute_f.self)
        ippGetStatusCode = try symbol("ippGetStatusCode", as: kiosk_ippGetStatusCode_f.self)
        ippGetInteger = try symbol("ippGetInteger", as: kiosk_ippGetInteger_f.self)
        ippGetBoolean = try symbol("ippGetBoolean", as: kiosk_ippGetBoolean_f.self)
        ippGetCount = try symbol("ippGetCount", as: kiosk_ippGetCount_f.self)
        ippGetString = try symbol("ippGetString", as: kiosk_ippGetString_f.self)
    }

    private static func dlerrorText() -> String {
        dlerror().map { String(cString: $0) } ?? "dlopen(\(soname)) failed"
    }
}
