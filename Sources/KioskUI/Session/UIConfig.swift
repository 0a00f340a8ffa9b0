/// Settings the app passes to ``KioskShell``; every field has a default.
package struct UIConfig: Sendable {
    /// The service site's name, shown on the home screen.
    package var siteName: String
    /// The data processor named in the privacy notice (rule R4).
    package var operatorName: String
    /// Days confirmed mail requests and ratings are kept, for the privacy notice.
    package var retentionDays: Int
    /// Inactivity before the countdown starts on ordinary screens.
    package var idleTimeout: Duration
    /// Inactivity before the countdown starts on screens where the citizen types (longer: 适老化 "enough time").
    package var formIdleTimeout: Duration
    /// Length of the visible countdown before the session ends.
    package var countdown: Duration
    /// How long the end screen (请取走身份证和凭条) stays before the home screen returns.
    package var endScreenDuration: Duration
    /// How long a card error screen stays before the home screen returns.
    package var errorScreenDuration: Duration
    /// Labels of simulated sample cards; non-empty only in demo mode (adds buttons to the home screen).
    package var demoCards: [String]
    /// Whether sessions start in 长辈模式.
    package var elderModeByDefault: Bool
    /// Whether the kiosk's configured theme is already the high-contrast one (then the home screen
    /// offers no 高对比度 switch).
    package var highContrastByDefault: Bool
    /// The language sessions start in.
    package var defaultLanguage: UILanguage
    /// How often the home screen asks for its notices again (``ShellHooks/announcements``).
    package var announcementRefresh: Duration

    /// Creates a configuration.
    package init(
        siteName: String = "政务服务中心",
        operatorName: String = "政务服务中心",
        retentionDays: Int = 180,
        idleTimeout: Duration = .seconds(60),
        formIdleTimeout: Duration = .seconds(120),
        countdown: Duration = .seconds(20),
        endScreenDuration: Duration = .seconds(8),
        errorScreenDuration: Duration = .seconds(20),
        demoCards: [String] = [],
        elderModeByDefault: Bool = false,
        defaultLanguage: UILanguage = .simplifiedChinese,
        highContrastByDefault: Bool = false,
        announcementRefresh: Duration = .seconds(30)
    ) {
        self.siteName = siteName
        self.operatorName = operatorName
        self.retentionDays = retentionDays
        self.idleTimeout = idleTimeout
        self.formIdleTimeout = formIdleTimeout
        self.countdown = countdown
        self.endScreenDuration = endScreenDuration
        self.errorScreenDuration = errorScreenDuration
        self.demoCards = demoCards
        self.elderModeByDefault = elderModeByDefault
        self.highContrastByDefault = highContrastByDefault
        self.defaultLanguage = defaultLanguage
        self.announcementRefresh = announcementRefresh
    }
}
