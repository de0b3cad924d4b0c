#include "percenttext.h"

#include <QCoreApplication>
#include <QLocale>

namespace ops {

QString percentText(double fraction, int decimals)
{
    //: A percentage: the number, then the sign (in English and German with a space between).
    return QCoreApplication::translate("ops::percentText", "%1 %")
        .arg(QLocale().toString(fraction * 100, 'f', decimals));
}

} // namespace ops
