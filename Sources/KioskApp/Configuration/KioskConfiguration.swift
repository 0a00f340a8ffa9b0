/// Everything the kiosk reads from `/etc/kiosk/kiosk.toml`. Every key has a default, so an empty
/// file is a valid configuration for a demo; `docs/configuration.md` documents every key.
struct KioskConfiguration: Sendable, Equatable {
    var site = Site()
    var reader = Reader()
    var printer = Printer()
    var receipt = Receipt()
    var session = Session()
    var deadlines = Deadlines()
    var ui = UI()
    var storage = Storage()
    var retention = Retention()
    var evaluation = Evaluation()
    var maintenance = Maintenance()
    var logging = Logging()
    var gateway = Gateway()

    /// The connection to kiosk-gateway (docs/gateway.md, "The kiosk online"). An empty `url` means a
    /// kiosk without a gateway: everything works as before and `kiosk sync` has nothing to do.
    struct Gateway: Sendable, Equatable {
        /// The device API, `https://host:8443`.
        var url = ""
        /// The gateway's CA certificate (PEM), used by `kiosk gateway enroll` (a copy is kept in the
        /// state directory afterwards).
        var caFile = ""
        /// An HTTP CONNECT proxy, `http://host:port`; empty uses `https_proxy` when set.
        var proxy = ""
        /// Heartbeat and pull intervals until the gateway names its own.
        var heartbeatSeconds = 60
        var pullSeconds = 60

        var isConfigured: Bool { !url.isEmpty }
    }

    /// Where the kiosk stands and who runs it.
    struct Site: Sendable, Equatable {
        var name = "政务服务自助终端"
        var regionCode = "110105"
        var terminalId = "KIOSK-0001"
        var consultPhone = "12345"
        var supervisionPhone = "12345"
        var helpText = "如需帮助，请到服务窗口咨询"
    }

    /// The ID-card reader.
    struct Reader: Sendable, Equatable {
        enum Driver: String, Sendable, CaseIterable { case serial, simulator, none }
        var driver = Driver.serial
        var port = "/dev/idcard"
        var baud = 115_200
        var pollIntervalMilliseconds = 300
        var readTimeoutMilliseconds = 3_000
    }

    /// The receipt printer.
    struct Printer: Sendable, Equatable {
        enum Driver: String, Sendable, CaseIterable { case cups, socket, preview, none }
        enum Profile: String, Sendable, CaseIterable {
            case mm58 = "58mm"
            case mm80 = "80mm"
        }
        enum Charset: String, Sendable, CaseIterable { case gb18030, gbk, gb2312 }
        var driver = Driver.cups
        var queue = "kiosk"
        var cupsServer = ""
        var socketHost = ""
        var socketPort = 9_100
        var profile = Profile.mm80
        var charset = Charset.gb18030
        var nativeQR = false
        var previewDirectory = ""
        var jobTimeoutSeconds = 60
    }

    /// What goes on the receipt's QR code.
    struct Receipt: Sendable, Equatable {
        var qrURLTemplate = "https://zwfw.example.gov.cn/progress?id={id}&t={token}"
        var tokenKey = ""
        var tokenValidityHours = 72
    }

    /// Session timing (rule R5).
    struct Session: Sendable, Equatable {
        var idleTimeoutSeconds = 90
        var formIdleTimeoutSeconds = 180
        /// At least 20 s: WCAG 2.2.1 (Timing Adjustable) asks for 20 s to answer a time-out warning.
        var countdownSeconds = 20
    }

    /// Deadline display (rules R11–R14).
    struct Deadlines: Sendable, Equatable {
        var dueSoonWorkingDays = 3
        var calendarOverrideFile = ""
    }

    /// Look and language.
    struct UI: Sendable, Equatable {
        enum Theme: String, Sendable, CaseIterable {
            case standard = "default"
            case highContrast = "high-contrast"
        }
        enum Language: String, Sendable, CaseIterable {
            case zhHans = "zh-Hans"
            case en
        }
        var theme = Theme.standard
        var language = Language.zhHans
        var repaintIntervalSeconds = 300
    }

    /// Where state lives.
    struct Storage: Sendable, Equatable {
        var stateDirectory = ""
        var healthCheckSeconds = 10
    }

    /// How long personal data and audit rows are kept.
    struct Retention: Sendable, Equatable {
        var deliveredMailDays = 30
        var auditDays = 183
    }

    /// 好差评 submission.
    struct Evaluation: Sendable, Equatable {
        enum Adapter: String, Sendable, CaseIterable { case national, zhejiang }
        var provinceAdapter = Adapter.national
    }

    /// Staff access on the machine.
    struct Maintenance: Sendable, Equatable {
        var keySequence = ["F12", "F12", "F12", "KP*", "KP*"]
        var pinHash = ""
        var idleExitSeconds = 120
        var exportDirectory = "/media/kiosk-usb"
    }

    /// Log output.
    struct Logging: Sendable, Equatable {
        enum Level: String, Sendable, CaseIterable {
            case trace, debug, info, notice, warning, error, critical
        }
        var level = Level.info
    }
}
