import ArgumentParser
import BaoxueCSV
import BaoxueContracts

/// `baoxue student import|add|show|list|change|changes`.
struct StudentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "student", abstract: "学生学籍：导入、登记、查询、变动 (students: import, add, show, list, status changes)",
        subcommands: [Import.self, Add.self, Show.self, List.self, Change.self, Changes.self, Documents.self, Promote.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导入学生名单CSV或Excel（全国学籍系统列名）(import a students CSV or Excel file with the national roster's columns)")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var file: ImportFileArguments

        func run() async throws {
            try await runImport(file, options: options, label: options.say("导入学生", "students")) { operations, actor, data, progress in
                try await operations.registry.importStudents(data, encoding: file.encoding, sheet: file.sheet, allowExtraColumns: file.allowExtraColumns, actor: actor, progress: progress)
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记一名学生 (add one student by hand)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "姓名") var name: String
        @Option(help: "性别 男|女") var sex: String
        @Option(name: .customLong("birth-date"), help: "出生日期 YYYY-MM-DD") var birthDate: String
        @Option(name: .customLong("id-number"), help: "身份证件号") var idNumber: String?
        @Option(name: .customLong("student-number"), help: "全国学籍号（无身份证件号时必填）") var studentNumber: String?
        @Option(help: "学校标识码") var school: String
        @Option(help: "年级 1–12") var grade: String
        @Option(name: .customLong("class"), help: "班级") var className: String?
        @Option(name: .customLong("guardian"), help: "监护人姓名") var guardianName: String?
        @Option(name: .customLong("guardian-phone"), help: "监护人电话") var guardianPhone: String?
        @Option(help: "证明材料，逗号分隔 (documents supplied, comma-separated)") var documents: String?
        @Option(help: "登记日期 YYYY-MM-DD，默认今天 (date; today when omitted)") var date: String?
        @Flag(name: .customLong("from-outside-county"), help: "县外转入：按转入登记，材料为转出证明而非户口簿 (arrived from a school outside the county: recorded as a transfer in)") var fromOutsideCounty = false

        var form: NewStudentForm {
            let fields: [StudentField: String] = [
                .name: name, .sex: sex, .birthDate: birthDate, .idNumber: idNumber ?? "", .studentNumber: studentNumber ?? "",
                .schoolCode: school, .grade: grade, .className: className ?? "", .guardianName: guardianName ?? "",
                .guardianPhone: guardianPhone ?? "",
            ]
            return NewStudentForm(fields: fields, documents: FormField.list(documents), date: date, fromOutsideCounty: fromOutsideCounty ? "true" : nil)
        }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let operations = session.operations
            let detail = try await perform(options) { try await operations.registry.addStudent(request, actor: session.actor) }
            let townships = await session.townshipNames(options)
            try options.emit(detail) { StudentText.detail(detail, options.language, townships: townships) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看一名学生的完整学籍与变动记录 (show one student's full record and history)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或全国学籍号 (ID number or student number)") var key: String

        func run() async throws {
            let session = try await options.session()
            let operations = session.operations
            let detail = try await perform(options) { try await operations.registry.student(key, actor: session.actor) }
            let townships = await session.townshipNames(options)
            try options.emit(detail) { StudentText.detail(detail, options.language, townships: townships) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出学生（证件号、电话已脱敏）(list students, masked)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "学校标识码") var school: String?
        @Option(help: "乡镇区划代码") var township: String?
        @Option(help: "状态，代码或中文（在读、休学……）(status, by code or Chinese label)") var status: StudentStatus?
        @Option(name: .customLong("q"), help: "姓名或证件号 (name or ID/student number)") var text: String?
        @Option(help: "每页条数 (page size, ≤1000)") var limit: Int = 50
        @Option(help: "翻页游标 (nextCursor of the previous page)") var cursor: String?
        @OptionGroup var file: ListFileOption

        var form: StudentListForm {
            StudentListForm(school: school, township: township, status: status?.rawValue, text: text, limit: String(limit), cursor: cursor)
        }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let operations = session.operations
            try file.check(options)
            let page = try await perform(options) { try await operations.registry.students(query, actor: session.actor) }
            let townships = await session.townshipNames(options)
            // The file holds every student the filter finds, page after page, not only this page.
            var saved: String?
            if file.out != nil {
                var everyone = page.students, next = page.nextCursor
                while let cursor = next {
                    var following = query
                    following.limit = 1_000
                    following.cursor = cursor
                    let more = try await perform(options) { try await operations.registry.students(following, actor: session.actor) }
                    everyone += more.students
                    next = more.nextCursor
                }
                saved = try file.write(StudentText.table(everyone, options.language, townships: townships), title: options.say("学生名单", "students"), options: options)
            }
            try options.emit(page) { StudentText.list(page, options.language, townships: townships) + (saved.map { "\n" + $0 } ?? "") }
        }
    }

    struct Change: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "办理学籍变动，或用 --batch 从文件批量办理 (record a status change, or many from a file with --batch)",
            discussion: "辍学须选择原因，说明另写在 --reason。例：baoxue student change 510123201503081238 --kind 辍学 --cause 厌学,外出务工 --reason 随父母外出打工 --documents 学校报告。批量：baoxue student change --batch 变动.xlsx --dry-run，文件列为 身份证件号,变动类型,变动日期,证明材料,辍学原因,说明,接收学校标识码,年级,转出县外,预计结束日期 (a dropout needs --cause from the list; --reason holds the note. A file: one change a row, those columns; try it with --dry-run first)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或全国学籍号") var key: String?
        @Option(help: "变动类型，代码或中文（转出、休学、辍学……）(kind, by code or Chinese label)") var kind: StatusChangeKind?
        @Option(help: "变动日期 YYYY-MM-DD，默认今天 (date; today when omitted)") var date: String?
        @Option(help: "证明材料，逗号分隔 (documents supplied, comma-separated)") var documents: String?
        @Option(help: "辍学原因（辍学必填，可多选，逗号分隔）：厌学,学习困难,家庭经济困难,残疾,疾病,外出务工,早婚早育,家庭变故,其他 (dropout causes, required for dropOut, comma-separated; codes such as weariness,work also work)") var cause: String?
        @Option(help: "说明：辍学时为原因之外的补充说明，其他变动为原因 (a note: for a dropout, beside its causes; for other changes, the reason)") var reason: String?
        @Option(name: .customLong("to-school"), help: "接收学校标识码 (receiving school)") var toSchool: String?
        @Flag(name: .customLong("out-of-county"), help: "转出县外 (received outside the county)") var outOfCounty = false
        @Option(name: .customLong("expected-end"), help: "休学预计结束日期 (expected end of a suspension)") var expectedEnd: String?
        @Option(help: "转入或复学后在接收学校的年级（如 高一、初二、10）(grade at the receiving school, transferIn or return)") var grade: GradeArgument?
        @Option(help: "批量变动文件（CSV或Excel），每行一条变动 (a file of changes, CSV or Excel, one a row)") var batch: String?
        @Flag(name: .customLong("dry-run"), help: "批量试运行：逐行核对并报告结果，不写入 (with --batch: check every row and report, writing nothing)") var dryRun = false
        @Option(help: "CSV文件编码 utf-8|gb18030|gbk，默认自动识别 (a CSV's encoding)") var encoding: TextEncoding?
        @Option(help: "Excel工作表名称，默认第一个 (the Excel worksheet)") var sheet: String?
        @Flag(help: "确认文件中无法识别的列无需导入 (import although the file has columns not known)") var allowExtraColumns = false

        func validate() throws {
            if batch != nil {
                guard key == nil, kind == nil else { throw ValidationError("--batch 与学生、--kind 不能同时使用 (--batch takes no student or --kind: the file has them)") }
            } else {
                guard key != nil, kind != nil else { throw ValidationError("请给出学生与 --kind，或用 --batch 文件 (give a student and --kind, or --batch FILE)") }
                guard !dryRun else { throw ValidationError("--dry-run 只用于 --batch (--dry-run is for --batch)") }
            }
        }

        var form: ChangeForm {
            ChangeForm(kind: kind?.rawValue ?? "", date: date, documents: FormField.list(documents), causes: cause.map(FormField.list), reason: reason, toSchool: toSchool, outOfCounty: outOfCounty ? true : nil, expectedEnd: expectedEnd, grade: grade?.number)
        }

        func run() async throws {
            if let batch {
                if dryRun, !options.json { print(options.say("试运行：逐行核对，以下为将办理的结果，不写入任何数据。", "Dry run: every row checked; what would be done, nothing written.")) }
                try await runImport(path: batch, options: options, label: options.say("学籍变动", "changes")) { operations, actor, data, progress in
                    try await operations.registry.changeBatch(data, encoding: encoding, sheet: sheet, allowExtraColumns: allowExtraColumns, dryRun: dryRun, actor: actor, progress: progress)
                }
                return
            }
            let request = try checked(options) { try form.request(student: key ?? "", today: Timestamp.todayInChina()) }
            let session = try await options.session()
            let operations = session.operations
            let event = try await perform(options) { try await operations.registry.changeStatus(request, actor: session.actor) }
            try options.emit(event) { StudentText.change(event, options.language) }
        }
    }

    struct Changes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "最近的学籍变动；--incomplete 只看手续不全的 (recent changes; --incomplete for those lacking documents)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇区划代码") var township: String?
        @Option(help: "学校标识码") var school: String?
        @Flag(help: "只看证明材料不全的变动 (only changes lacking documents)") var incomplete = false
        @Option(help: "条数 (at most, ≤1000)") var limit: Int = 100

        var form: ChangeListForm {
            ChangeListForm(township: township, school: school, incomplete: incomplete ? "true" : nil, limit: String(limit))
        }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let operations = session.operations
            let changes = try await perform(options) { try await operations.registry.changes(query, actor: session.actor) }
            try options.emit(changes) { StudentText.changes(changes, options.language) }
        }
    }

    struct Promote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "学年末升级与毕业：在读学生升一个年级，末年级、九年级、大班毕业；每校每学年一次 (year-end promotion: every enrolled child up a grade, the last grade, grade 9 and 大班 graduate; once per school and school year)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "只办理这所学校 (one school)") var school: String?
        @Option(help: "只办理这个乡镇的学校 (one township's schools)") var township: String?
        @Option(help: "生效日期 YYYY-MM-DD（6月1日至10月31日），默认今天 (effective date, 1 June – 31 October; today when omitted)") var date: String?
        @Flag(name: .customLong("dry-run"), help: "只统计，不写入 (count only, write nothing)") var dryRun = false

        var form: PromotionForm {
            PromotionForm(school: school, township: township, date: date, dryRun: dryRun ? true : nil)
        }

        func run() async throws {
            let request = try checked(options) { try form.request(today: Timestamp.todayInChina()) }
            let session = try await options.session()
            let report = try await perform(options) { try await session.operations.registry.promote(request, actor: session.actor) }
            try options.emit(report) { StudentText.promotion(report, options.language) }
        }
    }

    struct Documents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "为已办理的变动补交证明材料；材料齐全后“手续不全”标记清除 (hand in documents for a recorded change; the child's incomplete flag clears when none is missing)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "变动编号（student changes --incomplete 可查）(the change's id, from `student changes --incomplete`)") var change: Int64
        @Option(help: "补交的证明材料，逗号分隔 (documents handed in, comma-separated)") var documents: String

        var form: ChangeDocumentsForm { ChangeDocumentsForm(documents: FormField.list(documents)) }

        func run() async throws {
            let request = form.request(change: change)
            let session = try await options.session()
            let event = try await perform(options) { try await session.operations.registry.addDocuments(request, actor: session.actor) }
            try options.emit(event) { StudentText.change(event, options.language) }
        }
    }
}
