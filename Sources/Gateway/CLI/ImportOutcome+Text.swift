import BaoxueContracts

extension ImportOutcome {
    /// The summary people read after an import: counts, then each rejected row (the first 50).
    func text(_ language: Language) -> String {
        let r = report
        var lines = [
            language.pick(
                "导入完成（\(encoding)，\(rows)行，\(String(format: "%.1f", seconds))秒）：新增 \(r.imported)，更新 \(r.updated)，未变 \(r.unchanged)，拒绝 \(r.rejected.count)",
                "Import done (\(encoding), \(rows) rows, \(String(format: "%.1f", seconds)) s): imported \(r.imported), updated \(r.updated), unchanged \(r.unchanged), rejected \(r.rejected.count)")
        ]
        if !ignoredColumns.isEmpty {
            lines.append(language.pick("已按 --allow-extra-columns 忽略未知列：", "Unknown columns left out (--allow-extra-columns): ") + ignoredColumns.joined(separator: ", "))
        }
        if !unusedColumns.isEmpty {
            lines.append(language.pick("本系统不保存的列（\(unusedColumns.count)）：", "Columns not kept (\(unusedColumns.count)): ") + unusedColumns.joined(separator: ", "))
        }
        if !r.rejected.isEmpty {
            var table = TextTable(headers: [language.pick("行", "row"), language.pick("列", "column"), language.pick("原因", "reason")])
            for problem in r.rejected.prefix(50) {
                table.rows.append(["\(problem.row)", problem.column ?? "", Localized.pick(problem.reason, language)])
            }
            lines.append(table.rendered)
            if r.rejected.count > 50 {
                lines.append(language.pick("……另有\(r.rejected.count - 50)行被拒绝，用 --json 查看全部", "… and \(r.rejected.count - 50) more; use --json to see all"))
            }
            lines.append(language.pick("行号从表头下第一行数据起算为1；修正后重新导入同一文件即可，已导入的行不会重复。", "Row 1 is the first data row under the header; fix the rows and import the same file again: rows already imported are not doubled."))
        }
        return lines.joined(separator: "\n")
    }
}
