/// A record that can travel as a row of a table: the values of its fields in the order of its
/// ``JSONMembersReadable/jsonKeys``, under one list of column names for a whole batch, instead of
/// an object repeating every key (decision 159). Its ``JSONWritable/write(to:)`` must be flat (no
/// object inside it) and write its fields in the order of `jsonKeys`, so that the same code writes
/// the object and the row (``JSONWriter/values(of:)``); the adopter's tests check both.
public protocol JSONRowRecord: JSONWritable, JSONMembersReadable {}

extension StudentRecord: JSONRowRecord {}
