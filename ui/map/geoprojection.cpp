#include "geoprojection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ops {

namespace equalEarth {

namespace {
// The published polynomial coefficients.
constexpr double A1 = 1.340264;
constexpr double A2 = -0.081106;
constexpr double A3 = 0.000893;
constexpr double A4 = 0.003796;
const double M = std::sqrt(3.0) / 2.0; // sin(θ) = M · sin(φ)
constexpr double kDeg = std::numbers::pi / 180.0;

double yOf(double t)
{
    const double t2 = t * t, t6 = t2 * t2 * t2;
    return t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

double dyOf(double t) // dy/dθ, also the denominator of x
{
    const double t2 = t * t, t6 = t2 * t2 * t2;
    return A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
}
} // namespace

QPointF forward(double longitudeDeg, double latitudeDeg)
{
    const double lambda = longitudeDeg * kDeg;
    const double theta = std::asin(M * std::sin(latitudeDeg * kDeg));
    const double x = 2.0 * std::sqrt(3.0) * lambda * std::cos(theta) / (3.0 * dyOf(theta));
    return {x, yOf(theta)};
}

bool inverse(QPointF unit, double *longitudeDeg, double *latitudeDeg)
{
    const double yMax = worldHalfHeight();
    if (std::abs(unit.y()) > yMax + 1e-12)
        return false;
    const double y = std::clamp(unit.y(), -yMax, yMax);
    // Newton on θ: y(θ) is monotonic on [-π/3, π/3]; a handful of steps reach 1e-12.
    double theta = y / A1;
    for (int i = 0; i < 12; ++i) {
        const double step = (yOf(theta) - y) / dyOf(theta);
        theta -= step;
        if (std::abs(step) < 1e-14)
            break;
    }
    const double cosTheta = std::cos(theta);
    const double lambda =
        cosTheta > 1e-12 ? 3.0 * unit.x() * dyOf(theta) / (2.0 * std::sqrt(3.0) * cosTheta) : 0.0;
    if (std::abs(lambda) > std::numbers::pi + 1e-9)
        return false;
    *longitudeDeg = std::clamp(lambda / kDeg, -180.0, 180.0);
    *latitudeDeg = std::asin(std::clamp(std::sin(theta) / M, -1.0, 1.0)) / kDeg;
    return true;
}

double worldHalfWidth()
{
    static const double w = forward(180, 0).x();
    return w;
}

double worldHalfHeight()
{
    static const double h = forward(0, 90).y();
    return h;
}

QRectF worldBounds()
{
    return {-worldHalfWidth(), -worldHalfHeight(), 2 * worldHalfWidth(), 2 * worldHalfHeight()};
}

} // namespace equalEarth

double MapViewport::fitWorldScale() const
{
    const QRectF world = equalEarth::worldBounds();
    return std::max(1e-9,
                    std::min(m_size.width() / world.width(), m_size.height() / world.height()));
}

void MapViewport::clampCenter()
{
    const QRectF world = equalEarth::worldBounds();
    const double halfW = m_size.width() / 2 / m_scale;
    const double halfH = m_size.height() / 2 / m_scale;
    const auto clampAxis = [](double c, double lo, double hi, double half) {
        if (hi - lo <= 2 * half)
            return (lo + hi) / 2;
        return std::clamp(c, lo + half, hi - half);
    };
    m_center.setX(clampAxis(m_center.x(), world.left(), world.right(), halfW));
    m_center.setY(clampAxis(m_center.y(), world.top(), world.bottom(), halfH));
}

} // namespace ops
