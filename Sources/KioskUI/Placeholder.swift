// KioskUI
