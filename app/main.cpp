#include "application.h"

#include "logging.h"

#include "services/tokenstore.h"

#include "ui/common/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

#include <cstdio>

namespace {

// Our strings are compiled in under :/i18n; Qt's own come from the system if installed.
void installTranslations(QApplication &app, const QLocale &locale)
{
    auto *own = new QTranslator(&app);
    // No catalogue for the language: English, whose plural forms ("1 region") live in a catalogue.
    if (own->load(locale, QStringLiteral("opsconsole"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")) ||
        own->load(QStringLiteral(":/i18n/opsconsole_en.qm")))
        QApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    const QStringList dirs{QLibraryInfo::path(QLibraryInfo::TranslationsPath),
                           QStringLiteral("/usr/share/qt6/translations")};
    for (const QString &dir : dirs) {
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), dir)) {
            QApplication::installTranslator(qt);
            break;
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication::setApplicationName(QStringLiteral("opsconsole"));
    QApplication::setOrganizationName(QStringLiteral("OpsConsole"));
    QApplication::setApplicationVersion(QStringLiteral(OPS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("opsconsole"));
    QApplication app(argc, argv);

    // --lang must be known before any translated text (including --help) is built.
    QString language;
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--lang") && i + 1 < arguments.size())
            language = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(QLatin1String("--lang=")))
            language = arguments.at(i).mid(7);
    }
    QLocale locale = QLocale::system();
    if (!language.isEmpty()) {
        locale = QLocale(language);
        QLocale::setDefault(locale);
    }
    installTranslations(app, locale);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Operations console for a multi-cloud AI platform."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption endpointOption(
        QStringLiteral("endpoint"),
        QApplication::translate("main", "Connect to platformd at HOST:PORT instead of starting "
                                        "the embedded demo platform."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption tokenFileOption(
        QStringLiteral("token-file"),
        QApplication::translate("main", "Read the API token for --endpoint from FILE (keep it "
                                        "readable by you only)."),
        QStringLiteral("FILE"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the window to PATH once live data is shown, "
                                        "then exit."),
        QStringLiteral("PATH"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate("main", "User interface language, e.g. de or en."),
        QStringLiteral("CODE"));
    const QCommandLineOption platformdOption(
        QStringLiteral("platformd"),
        QApplication::translate("main", "The platformd binary for the embedded demo platform."),
        QStringLiteral("PATH"));
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QApplication::translate("main", "Directory for settings, logs and the embedded platform's "
                                        "data."),
        QStringLiteral("DIR"));
    const QCommandLineOption resetLayoutOption(
        QStringLiteral("reset-layout"),
        QApplication::translate("main", "Start with the default window layout."));
    const QCommandLineOption darkOption(QStringLiteral("dark"),
                                        QApplication::translate("main", "Use the dark theme."));
    const QCommandLineOption startupProbeOption(
        QStringLiteral("startup-probe"),
        QApplication::translate("main", "Print FIRST_DATA once the first region row has been "
                                        "painted, then exit (for benchmarks)."));
    parser.addOptions({endpointOption, tokenFileOption, screenshotOption, langOption,
                       platformdOption, dataDirOption, resetLayoutOption, darkOption,
                       startupProbeOption});
    parser.process(app);

    ops::AppOptions options;
    options.endpoint = parser.value(endpointOption);
    options.tokenFile = parser.value(tokenFileOption);
    options.screenshotPath = parser.value(screenshotOption);
    options.language = parser.value(langOption);
    options.platformdPath = parser.value(platformdOption);
    options.dataDir = parser.value(dataDirOption);
    options.resetLayout = parser.isSet(resetLayoutOption);
    options.startupProbe = parser.isSet(startupProbeOption);

    QSettings::setDefaultFormat(QSettings::IniFormat);
    QString dataDir = options.dataDir;
    if (!dataDir.isEmpty()) {
        dataDir = QDir(dataDir).absolutePath();
        options.dataDir = dataDir;
        if (!QDir().mkpath(dataDir)) {
            std::fprintf(stderr, "opsconsole: cannot create the data directory %s\n",
                         qPrintable(dataDir));
            return 2;
        }
        // Settings live in the data dir too, so a --data-dir run leaves the user's alone.
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           QDir(dataDir).filePath(QStringLiteral("settings")));
    } else {
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }
    ops::logging::install(QDir(dataDir).filePath(QStringLiteral("logs")));
    // Saved profiles' tokens: 0600 files beside the settings, never in them.
    ops::TokenStore::setDefaultDirectory(QDir(dataDir).filePath(QStringLiteral("tokens")));

    // PNG renderings first: they work without the SVG icon engine plugin.
    QIcon icon;
    for (int size : {32, 64, 256})
        icon.addFile(QStringLiteral(":/icons/opsconsole-%1.png").arg(size), QSize(size, size));
    icon.addFile(QStringLiteral(":/icons/opsconsole.svg"));
    QApplication::setWindowIcon(icon);
    const ops::theme::Mode mode =
        parser.isSet(darkOption)
            ? ops::theme::Mode::Dark
            : ops::theme::modeFromString(QSettings().value(QStringLiteral("ui/theme")).toString());
    ops::theme::apply(mode);

    ops::Application application(options);
    if (!application.start())
        return 2;
    return app.exec();
}
