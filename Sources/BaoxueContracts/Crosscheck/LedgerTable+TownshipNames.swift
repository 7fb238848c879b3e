extension LedgerTable {
    /// The header of a column the monitor leaves empty for the gateway to fill: the name of the
    /// township in the 乡镇 column before it. The monitor knows townships by code only; the
    /// registry names them (docs/decisions.md, decision 102).
    public static let townshipNameHeader = "乡镇名称"
    /// The column holding the township's code.
    public static let townshipCodeHeader = "乡镇"

    /// The table with its 乡镇名称 column filled from `names` (code → name). A code `names` does
    /// not know (a 6-digit county code, a township the registry has not named) keeps an empty
    /// name, and a table without the two columns is returned as it is.
    public func namingTownships(_ names: [String: String]) -> LedgerTable {
        guard let code = headers.firstIndex(of: Self.townshipCodeHeader), let name = headers.firstIndex(of: Self.townshipNameHeader), !names.isEmpty else { return self }
        var table = self
        for index in table.rows.indices where table.rows[index].count > max(code, name) && table.rows[index][name].isEmpty {
            table.rows[index][name] = names[table.rows[index][code]] ?? ""
        }
        return table
    }
}
