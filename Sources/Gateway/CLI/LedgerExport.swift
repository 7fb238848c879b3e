import BaoxueContracts

/// What `ledger export --json` prints.
struct LedgerExport: Codable {
    var kind: LedgerKind
    var file: String
    var rows: Int
}
