import ArgumentParser
import BaoxueContracts

/// `baoxue care home list|record`: the schools' homes for left-behind children (留守儿童之家).
struct CareHomeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "home", abstract: "留守儿童之家 (homes for left-behind children)", subcommands: [List.self, Record.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出留守儿童之家；未建的学校见 baoxue care gaps (list homes; schools without one: care gaps)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100

        var form: CareScopeForm { CareScopeForm(township: township, school: school, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let homes = try await perform(options) { try await session.operations.care.homes(query, actor: session.actor) }
            try options.emit(homes) { CareText.homes(homes, options.language) }
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记或更新一所学校的留守儿童之家 (record or update a school's home)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "学校标识码 (school code)") var school: String
        @Option(help: "名称 (name)") var name: String
        @Option(name: .customLong("opened-on"), help: "开设日期 (opened on)") var openedOn: String
        @Option(help: "房间数 (rooms)") var rooms: Int
        @Option(help: "亲情电话部数 (phones)") var phones: Int?
        @Option(help: "视频设备数 (video devices)") var video: Int?
        @Option(help: "图书册数 (books)") var books: Int?
        @Option(name: .customLong("in-charge"), help: "负责人 (person in charge)") var inCharge: String
        @Option(name: .customLong("in-charge-phone"), help: "负责人电话 (their phone)") var inChargePhone: String?

        var form: HomeForm { HomeForm(school: school, name: name, openedOn: openedOn, rooms: rooms, phones: phones, videoDevices: video, books: books, inCharge: inCharge, inChargePhone: inChargePhone) }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let home = try await perform(options) { try await session.operations.care.recordHome(request, actor: session.actor) }
            try options.emit(home) { CareText.homes([home], options.language) }
        }
    }
}
