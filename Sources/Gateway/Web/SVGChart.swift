/// The dashboard's charts as inline SVG, drawn on the server: no chart library, no script, and
/// nothing fetched from outside the county's network. Each chart has a title and a description
/// for screen readers (`role="img"`, `aria-labelledby`), and every bar and point also carries its
/// value as text, so no figure is shown by colour or length alone.
enum SVGChart {
    struct Bar {
        var label: String
        var value: Int
        var link: String?
    }

    struct Series {
        var name: String
        var values: [Int]
        /// A CSS class from dashboard.css (`series-a`, `series-b`): colour with enough contrast.
        var style: String
    }

    /// A ranked horizontal bar chart (open cases by township or school): the largest first.
    static func bars(_ bars: [Bar], title: String, description: String, id: String) -> String {
        let ranked = bars.sorted { $0.value != $1.value ? $0.value > $1.value : $0.label < $1.label }
        let rowHeight = 28, labelWidth = 150, chartWidth = 300, width = labelWidth + chartWidth + 60
        let height = max(rowHeight * ranked.count + 10, 40)
        let largest = max(ranked.map(\.value).max() ?? 0, 1)
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(description))</desc>"
        if ranked.isEmpty {
            svg += "<text x=\"0\" y=\"24\" class=\"chart-label\">—</text>"
        }
        for (index, bar) in ranked.enumerated() {
            let y = index * rowHeight + 5
            let length = bar.value == 0 ? 0 : max(2, bar.value * chartWidth / largest)
            let label = "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" class=\"chart-label\">\(escape(bar.label))</text>"
            svg += bar.link.map { "<a href=\"\(escape($0))\">\(label)</a>" } ?? label
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"18\" class=\"bar\"/>"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\" class=\"chart-value\">\(bar.value)</text>"
        }
        return svg + "</svg>"
    }

    /// A line chart of monthly values (open cases at each month's end, returns in each month).
    static func lines(_ series: [Series], months: [String], title: String, description: String, id: String) -> String {
        let width = 520, height = 220, left = 40, right = 20, top = 20, bottom = 40
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let largest = max(series.flatMap(\.values).max() ?? 0, 1)
        let step = months.count > 1 ? plotWidth / (months.count - 1) : 0
        func x(_ index: Int) -> Int { left + index * step }
        func y(_ value: Int) -> Int { top + plotHeight - value * plotHeight / largest }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(description))</desc>"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - right)\" y2=\"\(top + plotHeight)\" class=\"axis\"/>"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\" class=\"chart-value\">\(largest)</text>"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + plotHeight)\" text-anchor=\"end\" class=\"chart-value\">0</text>"
        for (index, month) in months.enumerated() {
            svg += "<text x=\"\(x(index))\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\" class=\"chart-label\">\(escape(month))</text>"
        }
        for (number, line) in series.enumerated() {
            let points = line.values.enumerated().map { "\(x($0.offset)),\(y($0.element))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" class=\"line \(line.style)\" fill=\"none\"/>"
            for (index, value) in line.values.enumerated() {
                svg += "<circle cx=\"\(x(index))\" cy=\"\(y(value))\" r=\"4\" class=\"point \(line.style)\"><title>\(escape(line.name)) \(escape(months[index])): \(value)</title></circle>"
            }
            svg += "<rect x=\"\(left + number * 160)\" y=\"\(height - 14)\" width=\"12\" height=\"12\" class=\"key \(line.style)\"/>"
            svg += "<text x=\"\(left + number * 160 + 16)\" y=\"\(height - 4)\" class=\"chart-label\">\(escape(line.name))</text>"
        }
        return svg + "</svg>"
    }

    /// Text and attribute values made safe for HTML and SVG.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
