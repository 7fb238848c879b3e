import Foundation

/// The plot `bench all` draws: student import rate (rows/s, left axis) and each service's peak
/// resident memory (MiB, right axis, with the 1 GiB target) against county size on a log axis,
/// as a self-contained SVG a browser or docs/ shows as it is.
struct ScalePlot {
    var results: [ScaleBenchResult]

    var svg: String {
        let width = 720.0, height = 400.0, left = 70.0, right = 70.0, top = 40.0, bottom = 60.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let sizes = results.map { log10(Double($0.students)) }
        let minX = (sizes.min() ?? 4).rounded(.down), maxX = max((sizes.max() ?? 7).rounded(.up), minX + 1)
        let maxRate = max(results.map(\.importRowsPerSecond).max() ?? 1, 1) * 1.15
        let memories = results.flatMap { [$0.registryPeakBytes, $0.monitorPeakBytes] }.map { Double($0) / 1_048_576 }
        let maxMemory = max((memories.max() ?? 0) * 1.15, 1_200)
        func x(_ students: Int) -> Double { left + (log10(Double(students)) - minX) / (maxX - minX) * plotWidth }
        func yRate(_ value: Double) -> Double { top + plotHeight - value / maxRate * plotHeight }
        func yMemory(_ mebibytes: Double) -> Double { top + plotHeight - mebibytes / maxMemory * plotHeight }
        func path(_ points: [(Double, Double)]) -> String {
            points.enumerated().map { String(format: "%@%.1f,%.1f", $0.offset == 0 ? "M" : "L", $0.element.0, $0.element.1) }.joined(separator: " ")
        }
        var parts: [String] = []
        parts.append(String(format: ##"<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="12">"##, width, height, width, height))
        parts.append(##"<rect width="100%" height="100%" fill="white"/>"##)
        parts.append(String(format: ##"<text x="%.0f" y="22" font-size="14">Student import rate and peak memory per service, by county size</text>"##, left))
        // Axes and the decades.
        parts.append(String(format: ##"<path d="M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f" stroke="#333" fill="none"/>"##, left, top, left, top + plotHeight, left + plotWidth, top + plotHeight))
        parts.append(String(format: ##"<path d="M%.1f,%.1f L%.1f,%.1f" stroke="#333" fill="none"/>"##, left + plotWidth, top, left + plotWidth, top + plotHeight))
        var decade = minX
        while decade <= maxX {
            let position = left + (decade - minX) / (maxX - minX) * plotWidth
            parts.append(String(format: ##"<text x="%.1f" y="%.1f" text-anchor="middle">10^%.0f</text>"##, position, top + plotHeight + 18, decade))
            decade += 1
        }
        parts.append(String(format: ##"<text x="%.1f" y="%.1f" text-anchor="middle">students (log scale)</text>"##, left + plotWidth / 2, height - 18))
        for step in 0...4 {
            let rate = maxRate * Double(step) / 4, memory = maxMemory * Double(step) / 4
            parts.append(String(format: ##"<text x="%.1f" y="%.1f" text-anchor="end" fill="#1f5fa8">%.0f</text>"##, left - 6, yRate(rate) + 4, rate))
            parts.append(String(format: ##"<text x="%.1f" y="%.1f" fill="#b5462d">%.0f</text>"##, left + plotWidth + 6, yMemory(memory) + 4, memory))
        }
        parts.append(String(format: ##"<text x="12" y="%.1f" fill="#1f5fa8" transform="rotate(-90 12 %.1f)" text-anchor="middle">import rows/s</text>"##, top + plotHeight / 2, top + plotHeight / 2))
        parts.append(String(format: ##"<text x="%.1f" y="%.1f" fill="#b5462d" transform="rotate(90 %.1f %.1f)" text-anchor="middle">peak resident MiB</text>"##, width - 12, top + plotHeight / 2, width - 12, top + plotHeight / 2))
        // The 1 GiB target.
        parts.append(String(format: ##"<path d="M%.1f,%.1f L%.1f,%.1f" stroke="#b5462d" stroke-dasharray="4 4" fill="none"/><text x="%.1f" y="%.1f" fill="#b5462d">1 GiB target</text>"##, left, yMemory(1024), left + plotWidth, yMemory(1024), left + 6, yMemory(1024) - 4))
        let series: [(String, String, [(Double, Double)])] = [
            ("import rows/s", "#1f5fa8", results.map { (x($0.students), yRate($0.importRowsPerSecond)) }),
            ("registry peak MiB", "#b5462d", results.map { (x($0.students), yMemory(Double($0.registryPeakBytes) / 1_048_576)) }),
            ("monitor peak MiB", "#e08a2c", results.map { (x($0.students), yMemory(Double($0.monitorPeakBytes) / 1_048_576)) }),
        ]
        for (index, (name, colour, points)) in series.enumerated() {
            parts.append(##"<path d="\##(path(points))" stroke="\##(colour)" stroke-width="2" fill="none"/>"##)
            for point in points { parts.append(String(format: ##"<circle cx="%.1f" cy="%.1f" r="3" fill="%@"/>"##, point.0, point.1, colour)) }
            parts.append(String(format: ##"<rect x="%.1f" y="%.1f" width="12" height="3" fill="%@"/><text x="%.1f" y="%.1f">%@</text>"##, left + 10 + Double(index) * 170, top + 8, colour, left + 26 + Double(index) * 170, top + 12, name))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
