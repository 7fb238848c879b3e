import Foundation
import Gateway

/// The figures `bench alerts --json` prints.
struct AlertBenchResult: Codable {
    var changes: Int
    var received: Int
    var rateRequested: Int
    var rateAchieved: Double
    /// From the registry's reply to the SSE client: the figure the target is about.
    var latencyMicroseconds: Percentiles
    var rawPublishSubscribeMicroseconds: Percentiles
    /// Where the time goes, each from the moment the change was sent.
    var stagesFromSentMicroseconds: AlertBenchStages
    /// What each change cost each process, and beside it what waking a thread costs this host.
    var changeCost: ChangeCost
    var rawThreadRoundTrip: ThreadRoundTrip
    /// With `--school-batch`: the batch and the other changes beside it.
    var schoolBatch: SchoolBatchFigures?
    /// With `--school-import`: the school's file and the other changes beside it.
    var schoolImport: SchoolImportFigures?

    /// The table people read.
    func report(_ options: GlobalOptions) -> String {
        func ms(_ microseconds: Double) -> String { String(format: "%.2f ms", microseconds / 1_000) }
        func line(_ figures: Percentiles) -> String { "p50 \(ms(figures.p50))   p99 \(ms(figures.p99))   max \(ms(figures.max))" }
        let stages = stagesFromSentMicroseconds
        let rates = String(format: "%.0f", rateAchieved)
        func cost(_ process: ChangeCost.Process) -> String { String(format: "%.0f µs / %.1f", process.cpuMicroseconds, process.switches) }
        let busy = String(format: "%.2f", changeCost.coresBusy)
        let wake = (cpu: String(format: "%.1f µs", rawThreadRoundTrip.cpuMicroseconds), wall: String(format: "%.1f µs", rawThreadRoundTrip.wallMicroseconds))
        let main = options.say("""
            预警时延（学籍受理变动 → SSE客户端收到预警），\(changes)次变动，收到\(received)条，目标\(rateRequested)/s，实际\(rates)/s
              \(line(latencyMicroseconds))    （目标 p99 ≤ 10 ms）
            原始 libzmq PUB→SUB 单跳（同次运行）：\(line(rawPublishSubscribeMicroseconds))
            各阶段（自发出变动起）：
              学籍服务答复        \(line(stages.registryReply))
              学籍事件送达        \(line(stages.registryEvent))
              监测预警事件送达    \(line(stages.monitorAlert))
              SSE客户端收到       \(line(stages.streamClient))
            每次变动的CPU / 线程切换次数：学籍服务 \(cost(changeCost.registry))，监测服务 \(cost(changeCost.monitor))，网关与测量端 \(cost(changeCost.gateway))；三进程共占 \(busy) 核
            原始线程唤醒往返（同次运行，两线程经管道互相唤醒）：CPU \(wake.cpu)，耗时 \(wake.wall)
            """, """
            Alert latency (status change accepted by the registry → alert received by an SSE client): \(changes) changes, \(received) received, \(rateRequested)/s asked, \(rates)/s achieved
              \(line(latencyMicroseconds))    (target p99 ≤ 10 ms)
            Raw libzmq PUB→SUB hop (same run): \(line(rawPublishSubscribeMicroseconds))
            Stages, each from the moment the change was sent:
              registry reply           \(line(stages.registryReply))
              registry event seen      \(line(stages.registryEvent))
              monitor alert seen       \(line(stages.monitorAlert))
              SSE client received      \(line(stages.streamClient))
            CPU / context switches per change: registry \(cost(changeCost.registry)), monitor \(cost(changeCost.monitor)), gateway and measuring client \(cost(changeCost.gateway)); the three took \(busy) cores
            Raw thread wake-up round trip (same run, two threads waking each other through pipes): \(wake.cpu) CPU, \(wake.wall) elapsed
            """)
        let batchText = schoolBatch.map { batch in
            options.say("""

                批量变动：学校\(batch.school)的\(batch.rows)名学生辍学，一个文件，每次请求\(batch.part)行（受理\(batch.applied)），自发出起：答复 \(ms(batch.replyMicroseconds))，首条预警 \(ms(batch.firstAlertMicroseconds))，末条预警 \(ms(batch.lastAlertMicroseconds))，收到\(batch.alertsReceived)条
                  其间其余\(batch.othersDuring)次变动（受理 → SSE）：\(line(batch.othersDuringLatencyMicroseconds))
                  其余时间的变动：                    \(line(batch.othersOutsideLatencyMicroseconds))
                """, """

                School batch: school \(batch.school), \(batch.rows) children dropped out in one file, \(batch.part) rows a request (\(batch.applied) applied); from its send: reply \(ms(batch.replyMicroseconds)), first alert \(ms(batch.firstAlertMicroseconds)), last alert \(ms(batch.lastAlertMicroseconds)), \(batch.alertsReceived) received
                  the other \(batch.othersDuring) changes meanwhile (accepted → SSE): \(line(batch.othersDuringLatencyMicroseconds))
                  the changes outside it:                \(line(batch.othersOutsideLatencyMicroseconds))
                """)
        } ?? ""
        let importText = schoolImport.map { file in
            let caughtUp = file.caughtUpMicroseconds.map(ms) ?? options.say("2秒内未赶上", "not within 2 s")
            return options.say("""

                学校导入：学校\(file.school)的\(file.rows)名学生，一个普通导入文件（登记\(file.imported)），自发出起：答复 \(ms(file.replyMicroseconds))，监测服务处理完其全部登记事件 \(caughtUp)
                  其间其余\(file.othersDuring)次变动（受理 → SSE）：\(line(file.othersDuringLatencyMicroseconds))
                  其余时间的变动：                    \(line(file.othersOutsideLatencyMicroseconds))
                """, """

                School import: school \(file.school), \(file.rows) children in one plain import file (\(file.imported) registered); from its send: reply \(ms(file.replyMicroseconds)), monitor applied every registration \(caughtUp)
                  the other \(file.othersDuring) changes meanwhile (accepted → SSE): \(line(file.othersDuringLatencyMicroseconds))
                  the changes outside it:                \(line(file.othersOutsideLatencyMicroseconds))
                """)
        } ?? ""
        return main + batchText + importText
    }
}

/// Cumulative times of one change through the pipeline (see ``AlertBenchResult``).
struct AlertBenchStages: Codable {
    var registryReply: Percentiles
    var registryEvent: Percentiles
    var monitorAlert: Percentiles
    var streamClient: Percentiles
}
