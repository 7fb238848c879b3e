import BaoxueContracts
import Foundation
import Logging
import ServiceLifecycle

/// Sends the queued deliveries: one task per webhook, so a slow or dead receiver only ever holds
/// up its own queue, never the stream or another township's. Each queue goes in order: its
/// oldest undelivered message is retried (exponential backoff with full jitter, a time limit per
/// attempt) until it is delivered or dead, and only then does the next one go.
///
/// A message is marked delivered after the receiver took it; a crash in between sends it again
/// on restart, so receivers see each message at least once and, but for that, exactly once
/// (the generic body carries the event id to tell).
public struct DeliveryWorker: Service {
    let queue: DeliveryQueue
    let policy: DeliveryPolicy
    let sender: WebhookSender
    let doorbell: DeliveryDoorbell
    /// Milliseconds since 1970 (injected: tests move time themselves).
    let now: @Sendable () -> Int64
    let logger: Logger

    public init(queue: DeliveryQueue, policy: DeliveryPolicy, sender: WebhookSender = WebhookSender(), doorbell: DeliveryDoorbell, now: @escaping @Sendable () -> Int64 = Timestamp.nowMilliseconds, logger: Logger) {
        self.queue = queue
        self.policy = policy
        self.sender = sender
        self.doorbell = doorbell
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown { await self.deliver() }
    }

    /// Runs until cancelled, starting a queue for each webhook as it appears (added here, by the
    /// CLI in another process, or by the configuration).
    public func deliver() async {
        await withTaskGroup(of: Int64?.self) { group in
            var running: Set<Int64> = []
            group.addTask { nil }
            // A finished queue returns its webhook's id; the periodic look for new webhooks nil.
            while let finished = await group.next() {
                if let id = finished {
                    running.remove(id)
                    continue
                }
                if Task.isCancelled { break }
                let generation = doorbell.generation
                do {
                    for id in try await queue.activeWebhookIDs() where running.insert(id).inserted {
                        group.addTask {
                            await self.drain(webhook: id)
                            return id
                        }
                    }
                } catch {
                    logger.error("cannot read the webhooks", metadata: ["error": "\(error)"])
                }
                group.addTask {
                    await self.doorbell.wait(since: generation, atMost: self.policy.idlePoll)
                    return nil
                }
            }
            group.cancelAll()
        }
    }

    /// One webhook's queue, until the webhook is removed or the worker stops.
    func drain(webhook id: Int64) async {
        while !Task.isCancelled {
            let generation = doorbell.generation
            do {
                guard let webhook = try await queue.activeWebhook(id: id) else { return }
                guard let head = try await queue.head(of: id) else {
                    await doorbell.wait(since: generation, atMost: policy.idlePoll)
                    continue
                }
                let due = head.nextAttemptMilliseconds - now()
                if due > 0 {
                    await doorbell.wait(since: generation, atMost: min(.milliseconds(due), policy.idlePoll))
                    continue
                }
                let outcome = await sender.send(Data(head.payload), to: webhook, timeout: policy.attemptTimeout)
                // Stopping mid-attempt is not the receiver's failure: the attempt is not counted.
                if Task.isCancelled { return }
                let state = try await queue.record(outcome, for: head, policy: policy, now: now(), unit: Double.random(in: 0..<1))
                if case .failed(let status, let error) = outcome {
                    let metadata: Logger.Metadata = [
                        "webhook": "\(webhook.name)", "url": "\(webhook.url.masked)", "delivery": "\(head.id)",
                        "attempt": "\(head.attempts + 1)", "status": "\(status.map(String.init) ?? "-")", "error": "\(error)",
                    ]
                    if state == .dead {
                        logger.error("webhook delivery dead", metadata: metadata)
                    } else {
                        logger.warning("webhook delivery failed", metadata: metadata)
                    }
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("webhook queue failed", metadata: ["webhook": "\(id)", "error": "\(error)"])
                await doorbell.wait(since: generation, atMost: policy.idlePoll)
            }
        }
    }
}
