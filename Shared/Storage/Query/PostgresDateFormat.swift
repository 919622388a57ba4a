public import Foundation

/// Reads and writes PostgreSQL's ISO date and timestamp text. Sessions run with
/// `TimeZone=UTC` and `DateStyle=ISO`, so the server always answers in that one shape.
public enum PostgresDateFormat {
    /// `2026-11-25T01:53:08.123456Z`, which PostgreSQL accepts for timestamptz.
    public static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = seconds.rounded(.down)
        var micros = Int(((seconds - whole) * 1_000_000).rounded())
        if micros == 1_000_000 {
            whole += 1
            micros = 0
        }
        var time = time_t(whole)
        var parts = tm()
        gmtime_r(&time, &parts)
        // By hand, not String(format:): every timestamp a statement binds goes through here.
        var text = ""
        text.reserveCapacity(27)
        func append(_ value: Int, digits: Int) {
            let decimal = String(value)
            if decimal.utf8.count < digits { text += String(repeating: "0", count: digits - decimal.utf8.count) }
            text += decimal
        }
        append(Int(parts.tm_year) + 1900, digits: 4)
        text += "-"
        append(Int(parts.tm_mon) + 1, digits: 2)
        text += "-"
        append(Int(parts.tm_mday), digits: 2)
        text += "T"
        append(Int(parts.tm_hour), digits: 2)
        text += ":"
        append(Int(parts.tm_min), digits: 2)
        text += ":"
        append(Int(parts.tm_sec), digits: 2)
        text += "."
        append(micros, digits: 6)
        return text + "Z"
    }

    /// Parses `2026-11-25 01:53:08.123+00`, `2026-11-25 01:53:08+00` or a `date` (`2026-11-25`,
    /// read as midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        if bytes.count > 10 {
            guard let h = number(11..<13), let m = number(14..<16), let s = number(17..<19) else { return nil }
            (hour, minute, second) = (h, m, s)
            var index = 19
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var scale = 0.1
                while index < bytes.count, (48...57).contains(bytes[index]) {
                    fraction += Double(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                let offsetHours = number((index + 1)..<(index + 3)) ?? 0
                var offsetMinutes = 0
                if index + 5 < bytes.count, bytes[index + 3] == UInt8(ascii: ":") {
                    offsetMinutes = number((index + 4)..<(index + 6)) ?? 0
                }
                offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
            }
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let epoch = timegm(&parts)
        return Date(timeIntervalSince1970: Double(epoch - offsetSeconds) + fraction)
    }
}
