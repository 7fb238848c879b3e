import Delivery

extension GlobalOptions {
    /// `<data>/delivery.sqlite` (created and migrated if new), for the webhook and delivery
    /// commands on the gateway's host.
    func deliveryHub() async throws -> AlertHub {
        let directory = dataDirectory(try await configuration())
        do {
            return AlertHub(feed: try AlertFeed(dataDirectory: directory))
        } catch {
            throw CommandFailure(say("无法打开推送库（\(directory)/delivery.sqlite）：\(error)。请用 --data 指定数据目录", "cannot open the delivery store (\(directory)/delivery.sqlite): \(error); name the data directory with --data"), exitCode: 1)
        }
    }
}
