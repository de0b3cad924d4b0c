#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace ops {

// A server-side filter field: debounced (filterChanged fires once typing pauses), a "?" button
// with the grammar and examples, and the server's INVALID_ARGUMENT shown inline below the field
// with a caret under the position it names.
class FilterBox : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBox(QWidget *parent = nullptr);

    QLineEdit *edit() const { return m_edit; }
    QString text() const;
    void setText(const QString &text); // fires filterChanged at once
    void setDebounceMs(int ms);
    // Shows `message` under the field; `position` (0-based, -1: none) places a caret.
    void setError(const QString &message, int position);
    void clearError();
    QString errorText() const;
    int errorPosition() const { return m_errorPosition; }
    bool hasError() const;

    static QString helpHtml(); // the "?" popup

signals:
    void filterChanged(const QString &filter);

private:
    void showHelp();

    QLineEdit *m_edit;
    QToolButton *m_help;
    QLabel *m_error;
    QTimer *m_debounce;
    QString m_errorMessage;
    int m_errorPosition = -1;
};

} // namespace ops
