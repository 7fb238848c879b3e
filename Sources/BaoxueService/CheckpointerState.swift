/// What ``WALCheckpointer`` remembers between ticks: the WAL's size at its last pass. Touched only
/// from the checkpointer's serial dispatch queue, one tick at a time.
final class CheckpointerState: @unchecked Sendable {
    var walPages = 0
}
