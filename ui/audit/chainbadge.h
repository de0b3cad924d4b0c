#pragma once

#include <QWidget>

namespace ops {

// The audit chain's verdict at a glance: a green shield with a tick ("Chain verified · N entries ·
// head 3fa2…"), a red broken octagon ("Chain BROKEN at seq S: problem"), or a grey ring while
// checking. Shape as well as colour, so it reads without colour. Clicking a broken badge emits
// activated() (the panel selects the first bad row).
class ChainBadge : public QWidget
{
    Q_OBJECT
public:
    enum class State { Unknown, Verified, Broken };

    explicit ChainBadge(QWidget *parent = nullptr);

    void setUnknown(const QString &text);
    void setVerified(qint64 entries, const QString &headHash);
    void setBroken(qint64 seq, const QString &problem);

    State state() const { return m_state; }
    QString text() const { return m_text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void activated();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void setState(State state, const QString &text);

    State m_state = State::Unknown;
    QString m_text;
};

} // namespace ops
