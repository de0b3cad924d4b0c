#pragma once

#include <QDateTime>
#include <QFrame>

class QLabel;

namespace ops {

// "Stale since 14:03:12 — reconnecting": shown above a panel's data while its stream is down or has
// been silent for more than StaleAfterSeconds; hidden again as soon as data flows.
class StaleBanner : public QFrame
{
    Q_OBJECT
public:
    static constexpr int StaleAfterSeconds = 10;

    explicit StaleBanner(QWidget *parent = nullptr);

    // live: the stream is up. lastActivity: the last data or heartbeat (invalid: none yet, in which
    // case nothing is stale — there is no data to distrust). Returns whether the data is stale.
    // retrying false: the client gave up (its token or permission was refused) and says so instead
    // of "reconnecting".
    bool update(bool live, const QDateTime &lastActivity, bool retrying = true);
    bool isStale() const { return m_stale; }
    QString text() const;

signals:
    void staleChanged(bool stale);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QLabel *m_label;
    bool m_stale = false;
    QDateTime m_since;
    bool m_retrying = true;
};

} // namespace ops
