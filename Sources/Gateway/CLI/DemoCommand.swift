import ArgumentParser
import BaoxueContracts
import BaoxueDemo
import Foundation

/// `baoxue demo seed`: a deterministic synthetic county, as CSV files and/or loaded directly.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "演示数据 (demo data)", subcommands: [Seed.self])

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "生成一个虚拟县（学校、学生），写出CSV并/或直接导入 (generate a synthetic county; write CSVs and/or load it)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "学生人数 (number of students)") var students: Int = 2_000
        @Option(help: "随机种子：相同种子得到相同数据 (seed: same seed, same county)") var seed: UInt64 = 1
        @Option(help: "CSV输出目录 (directory for schools.csv and students.csv)") var out: String?
        @Flag(help: "直接导入到运行中的服务 (load into the running services)") var load = false

        func validate() throws {
            guard (1...2_000_000).contains(students) else { throw ValidationError("--students must be 1…2000000") }
            guard out != nil || load else { throw ValidationError("give --out DIR, --load, or both") }
        }

        func run() async throws {
            let county = DemoCounty.generate(students: students, seed: seed, today: Timestamp.todayInChina())
            if let out {
                let directory = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(county.schoolsCSV().utf8).write(to: directory.appendingPathComponent("schools.csv"))
                try Data(county.studentsCSV().utf8).write(to: directory.appendingPathComponent("students.csv"))
                options.progress("已写出 \(directory.path)/schools.csv（\(county.schools.count)所学校）和 students.csv（\(county.students.count)名学生）",
                                 "Wrote \(directory.path)/schools.csv (\(county.schools.count) schools) and students.csv (\(county.students.count) students)")
            }
            if load {
                let operations = try await options.operations()
                let outcome = try await perform(options) { try await DemoLoader.load(county, into: operations, progress: ProgressBar(label: options.say("导入学生", "students")).update) }
                try options.emit(outcome) { outcome.text(options.language) }
            }
        }
    }
}

/// Loads a demo county through the same import operations a county operator uses, then records
/// a realistic sprinkle of status changes (dropouts with causes, suspensions, transfers out with a
/// document missing) so the ledgers and lists have something to show. Deterministic: the same
/// county gets the same changes, and loading it again changes nothing.
public enum DemoLoader {
    /// Loads `county` as its offices would, every service's part of it; loading again adds
    /// nothing. Public for the benchmarks, which load a county of their own size.
    public static func load(_ county: DemoCounty, into operations: Operations, progress: ImportProgress? = nil) async throws -> ImportOutcome {
        let actor = Actor.localOperator(via: "demo")
        try await loadCalendar(DemoCalendar.calendar(on: county.today), into: operations, actor: actor)
        _ = try await operations.registry.importSchools(Data(county.schoolsCSV().utf8), townshipNames: county.townshipNames, actor: actor)
        let outcome = try await operations.registry.importStudents(Data(county.studentsCSV().utf8), actor: actor, progress: progress)
        // Care before anything the monitor warns about, so its warnings on left-behind children
        // reach their surrogate parents as they would in a county where care was already running.
        try await loadCare(county, into: operations, actor: actor)
        let causes: [[DropoutCause]] = [[.weariness], [.learningDifficulty], [.poverty, .weariness], [.work], [.illness]]
        let notes = ["多次劝说仍不愿上学", "成绩跟不上，自觉读不下去", "家中无力负担，在家照看弟妹", "随父母外出打工", "长期生病在家"]
        for (index, student) in county.students.enumerated() where student.grade >= 4 {
            let key = student.identityKey
            let request: StatusChangeRequest
            switch index {
            case _ where index % 97 == 0:
                request = StatusChangeRequest(student: key, kind: .dropOut, date: county.today.adding(days: -(index % 40) - 3), documents: ["学校报告"], causes: causes[index % causes.count], reason: notes[index % notes.count])
            case _ where index % 151 == 0:
                // A short medical suspension: some have ended weeks ago without a resumption.
                let start = county.today.adding(days: -(index % 200) - 10)
                request = StatusChangeRequest(student: key, kind: .suspend, date: start, documents: ["休学申请", "病历证明"], reason: "疾病", expectedEnd: start.adding(days: 60))
            case _ where index % 211 == 0:
                request = StatusChangeRequest(student: key, kind: .transferOut, date: county.today.adding(days: -(index % 25) - 1), documents: ["转学申请"])
            default:
                continue
            }
            do {
                _ = try await operations.registry.changeStatus(request, actor: actor)
            } catch let error as ServiceError where error.code == .changeNotAllowed {
                continue  // loaded before: the change is already on file
            }
        }
        try await reportAbsences(county, into: operations, actor: actor)
        try await loadSubsidy(county, into: operations)
        try await loadRoster(county, into: operations)
        try await loadCasework(county, into: operations, actor: actor)
        // The summary's title: the one figure of its own a demo county can enter.
        if try await operations.reports.inputs(year: county.today.year, actor: actor).first(where: { $0.key == .countyName }) == nil {
            _ = try await operations.reports.setInput(year: county.today.year, key: .countyName, value: county.countyName, note: "演示数据", actor: actor)
        }
        return outcome
    }

    /// Absences as schools report them, once the monitor has the children: a few children missing
    /// the last five school days (a warning), a few the last twenty (treated as dropouts), then a
    /// sweep so the time rules show at once.
    static func reportAbsences(_ county: DemoCounty, into operations: Operations, actor: Actor) async throws {
        try await operations.services.waitForMonitorToCatchUp(timeout: .seconds(120))
        let schoolDays = (0..<40).map { county.today.adding(days: -$0) }.filter { !$0.isWeekend }
        var lines = ["学校标识码,日期,身份证件号,缺课原因"]
        for (index, student) in county.students.enumerated() where student.grade >= 3 {
            let days = index % 389 == 0 ? 20 : index % 113 == 0 ? 5 : index % 131 == 0 ? 2 : 0
            for day in schoolDays.prefix(days) {
                lines.append("\(student.schoolCode),\(day),\(student.identityKey),")
            }
            if index % 131 == 0 { lines.append("\(student.schoolCode),\(schoolDays[3]),\(student.identityKey),病假") }
        }
        _ = try await operations.monitor.importAbsences(Data(lines.joined(separator: "\r\n").utf8), actor: actor)
        _ = try await operations.monitor.sweep(actor: actor)
    }

    /// The demo's school calendar, set as a county operator would, before any change is
    /// recorded, so the time rules count by it from the start.
    static func loadCalendar(_ calendar: CalendarView, into operations: Operations, actor: Actor) async throws {
        for term in calendar.terms { _ = try await operations.calendar.setTerm(term, actor: actor) }
        for day in calendar.days { _ = try await operations.calendar.setDays(CalendarDaysChange(from: day.date, through: day.date, kind: day.kind, note: day.note), actor: actor) }
    }
}
