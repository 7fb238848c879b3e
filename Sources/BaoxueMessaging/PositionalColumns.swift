import GRDB

/// A row's values read by column position: a GRDB `Row`, or the row a statement has just stepped
/// onto (``StatementColumns``). Readers of the hot paths (a child's facts, a case, an alert) take
/// either, so one decoder serves the lists that fetch `Row`s and the per-event reads that do not.
public protocol PositionalColumns {
    /// The value of the column at `index` (0 for the leftmost), as `Value`; an optional `Value`
    /// reads NULL as nil. A value that cannot be read as `Value` is a programming error and traps,
    /// as `Row`'s subscript does.
    subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value { get }
}

extension Row: PositionalColumns {}
