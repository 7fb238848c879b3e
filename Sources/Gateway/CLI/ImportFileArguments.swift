import ArgumentParser
import BaoxueCSV

/// What every `… import` command takes: the file (CSV, `.xlsx` or `.xls`, told by its content),
/// its encoding when it is a CSV the detection gets wrong, the worksheet of a workbook, and the
/// person's word that columns the import does not know may be left out (docs/imports.md).
struct ImportFileArguments: ParsableArguments {
    @Argument(help: "CSV或Excel文件（.xlsx、.xls）(a CSV or Excel file)") var file: String
    @Option(help: "CSV文件编码 utf-8|gb18030|gbk，默认自动识别 (a CSV's encoding; detected when omitted)") var encoding: TextEncoding?
    @Option(help: "Excel工作表名称，默认第一个 (the Excel worksheet; the first when omitted)") var sheet: String?
    @Flag(help: "确认文件中无法识别的列无需导入（像已知列名的列仍会拒绝）(import although the file has columns this import does not know; columns that look like known ones still stop it)") var allowExtraColumns = false
}
