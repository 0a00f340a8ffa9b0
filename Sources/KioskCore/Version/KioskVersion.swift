/// The version of this build (the kiosk, its sync process and the gateway report it).
package enum KioskVersion {
    package static let current = "0.1.0"
}
