#pragma once

// OPS_TEST_MAIN(Class): QTEST_MAIN for the GUI tests, except that picture writers (test slots
// whose names start with "screenshot") are not checks and are left out of a plain run, so the
// report holds no skipped tests. With OPS_SCREENSHOTS=<dir> only they run and write into <dir>
// (scripts/screenshots does this for every picture in docs/), with the compiled catalogue
// OPS_SCREENSHOT_QM installed when given (the English one gives "1 check" / "9 checks" as the
// console shows them; a German one, the German console). Function names given on the command line
// run exactly as given.

#include <QApplication>
#include <QMetaMethod>
#include <QStringList>
#include <QTest>
#include <QTranslator>

namespace opstest {

inline bool isPictureWriter(const QByteArray &name)
{
    return name.startsWith("screenshot");
}

inline int runTestObject(QObject *test, int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (argc > 1)
        return QTest::qExec(test, args);
    const bool pictures = !qEnvironmentVariableIsEmpty("OPS_SCREENSHOTS");
    static QTranslator catalogue;
    if (const QString qm = qEnvironmentVariable("OPS_SCREENSHOT_QM"); pictures && !qm.isEmpty()) {
        if (!catalogue.load(qm)) {
            qCritical("OPS_SCREENSHOT_QM: cannot load %s", qPrintable(qm));
            return 1;
        }
        QCoreApplication::installTranslator(&catalogue);
    }
    static const QByteArrayList fixtures = {"initTestCase", "cleanupTestCase", "init", "cleanup"};
    const QMetaObject *meta = test->metaObject();
    for (int i = meta->methodOffset(); i < meta->methodCount(); ++i) {
        const QMetaMethod method = meta->method(i);
        const QByteArray name = method.name();
        if (method.methodType() != QMetaMethod::Slot || method.access() != QMetaMethod::Private ||
            method.parameterCount() != 0 || name.endsWith("_data") || fixtures.contains(name))
            continue;
        if (isPictureWriter(name) == pictures)
            args << QString::fromLatin1(name);
    }
    if (args.size() == 1) {
        qInfo("%s: no %s here", argv[0], pictures ? "picture writers" : "test functions");
        return 0;
    }
    return QTest::qExec(test, args);
}

} // namespace opstest

#define OPS_TEST_MAIN(TestObject)                                                                  \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QApplication app(argc, argv);                                                              \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                   \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return opstest::runTestObject(&tc, argc, argv);                                            \
    }
