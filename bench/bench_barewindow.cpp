// The floor for bench_startup: a bare QMainWindow, started the same way as opsconsole (a new
// process, offscreen), prints "SHOWN" once its first paint has completed, then exits.
#include <QApplication>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>

namespace {

class FirstPaint : public QObject
{
protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_fired) {
            m_fired = true;
            watched->removeEventFilter(this);
            QTimer::singleShot(0, qApp, [] {
                std::printf("SHOWN\n");
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return false;
    }

private:
    bool m_fired = false;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1600, 1000);
    FirstPaint probe;
    window.installEventFilter(&probe);
    window.show();
    return app.exec();
}
