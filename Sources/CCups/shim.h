#include <cups/cups.h>

// libcups is opened with dlopen on first use (KioskDevices' CUPSLibrary), so a kiosk without a
// CUPS printer never maps libcups and its dependencies (GnuTLS, Kerberos, Avahi, D-Bus: about 4 MB
// resident). These typedefs give Swift the exact function types from the headers; `__typeof__` is
// evaluated at compile time and references no symbol.
typedef __typeof__(&cupsServer) kiosk_cupsServer_f;
typedef __typeof__(&cupsSetServer) kiosk_cupsSetServer_f;
typedef __typeof__(&cupsUser) kiosk_cupsUser_f;
typedef __typeof__(&cupsLastError) kiosk_cupsLastError_f;
typedef __typeof__(&cupsLastErrorString) kiosk_cupsLastErrorString_f;
typedef __typeof__(&cupsCreateJob) kiosk_cupsCreateJob_f;
typedef __typeof__(&cupsStartDocument) kiosk_cupsStartDocument_f;
typedef __typeof__(&cupsWriteRequestData) kiosk_cupsWriteRequestData_f;
typedef __typeof__(&cupsFinishDocument) kiosk_cupsFinishDocument_f;
typedef __typeof__(&cupsCancelJob2) kiosk_cupsCancelJob2_f;
typedef __typeof__(&cupsDoRequest) kiosk_cupsDoRequest_f;
typedef __typeof__(&httpConnect2) kiosk_httpConnect2_f;
typedef __typeof__(&httpClose) kiosk_httpClose_f;
typedef __typeof__(&ippPort) kiosk_ippPort_f;
typedef __typeof__(&ippNewRequest) kiosk_ippNewRequest_f;
typedef __typeof__(&ippDelete) kiosk_ippDelete_f;
typedef __typeof__(&ippAddString) kiosk_ippAddString_f;
typedef __typeof__(&ippAddStrings) kiosk_ippAddStrings_f;
typedef __typeof__(&ippAddInteger) kiosk_ippAddInteger_f;
typedef __typeof__(&ippFindAttribute) kiosk_ippFindAttribute_f;
typedef __typeof__(&ippGetStatusCode) kiosk_ippGetStatusCode_f;
typedef __typeof__(&ippGetInteger) kiosk_ippGetInteger_f;
typedef __typeof__(&ippGetBoolean) kiosk_ippGetBoolean_f;
typedef __typeof__(&ippGetCount) kiosk_ippGetCount_f;
typedef __typeof__(&ippGetString) kiosk_ippGetString_f;
