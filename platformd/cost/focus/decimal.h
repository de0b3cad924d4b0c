#pragma once

// An exact decimal for money and quantities from FOCUS exports: a signed 128-bit count of 10^-18
// units. Parsing keeps every digit of a FOCUS number (15 decimals in the wild) and refuses what it
// cannot hold exactly; sums of a billion rows cannot overflow (|value| < 1.7e20).

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace platformd::cost::focus {

// The 128-bit integer of Decimal's units (__extension__: -Wpedantic knows no __int128).
__extension__ typedef __int128 Int128;

class Decimal
{
public:
    static constexpr int kScale = 18;

    constexpr Decimal() = default;

    // "12", "-0.00000080000", "1.5E-7", "+3." are read; "", "NaN", "1,5", "0x10", more than 18
    // fractional digits that are not zero, or a magnitude >= 1e20 are not (nullopt; *why says
    // what).
    static std::optional<Decimal> parse(std::string_view text, std::string *why = nullptr);
    // The nearest decimal of a double (for forecasts); rounds to `decimals` places.
    static Decimal fromDouble(double value, int decimals = 6);
    static Decimal fromUnits(Int128 units)
    {
        Decimal d;
        d.m_units = units;
        return d;
    }

    // Shortest exact text: "0", "-12.5", "0.0000008" (no exponent, no trailing zeros).
    std::string toString() const;
    // Fixed number of decimals, rounded half away from zero: toString(2) == "12.50".
    std::string toString(int decimals) const;
    double toDouble() const;
    Int128 units() const { return m_units; }
    bool isZero() const { return m_units == 0; }

    Decimal operator+(Decimal other) const { return fromUnits(m_units + other.m_units); }
    Decimal operator-(Decimal other) const { return fromUnits(m_units - other.m_units); }
    Decimal operator-() const { return fromUnits(-m_units); }
    Decimal &operator+=(Decimal other)
    {
        m_units += other.m_units;
        return *this;
    }
    Decimal &operator-=(Decimal other)
    {
        m_units -= other.m_units;
        return *this;
    }
    auto operator<=>(const Decimal &) const = default;

private:
    Int128 m_units = 0;
};

} // namespace platformd::cost::focus
