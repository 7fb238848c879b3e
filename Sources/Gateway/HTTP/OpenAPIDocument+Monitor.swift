/// The monitoring service's paths: absences, alerts and cases, beside their routes in
/// `GatewayHTTP+Monitor.swift`. Optional body fields may be null (read as absent).
extension OpenAPIDocument {
    static let monitorFragment = #"""
    {
      "paths": {
        "/api/v1/absences": {
          "post": {
            "summary": "Report one absence; no reason means unexplained (无故缺课)",
            "operationId": "reportAbsence",
            "parameters": [{"$ref": "#/components/parameters/lang"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["student"], "additionalProperties": false, "properties": {"student": {"type": "string", "minLength": 1, "maxLength": 64, "description": "ID number or student number"}, "date": {"type": ["string", "null"], "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"}, "reason": {"type": ["string", "null"], "maxLength": 200}}}}}},
            "responses": {"201": {"description": "recorded", "content": {"application/json": {"schema": {"type": "object"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/absences/import": {
          "post": {
            "summary": "Import a school's daily absence CSV (学校标识码, 日期, 身份证件号, 缺课原因)",
            "operationId": "importAbsences",
            "parameters": [{"$ref": "#/components/parameters/encoding"}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {"required": true, "content": {"text/csv": {"schema": {"type": "string", "minLength": 1, "example": "学校标识码,日期,身份证件号,缺课原因\r\n2510123001,2026-11-27,510123201503010018,\r\n"}}}},
            "responses": {"200": {"description": "import report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportOutcome"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/alerts": {
          "get": {
            "summary": "Alerts in the caller's scope, newest first; unresolved unless state is given",
            "operationId": "listAlerts",
            "parameters": [{"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$"}}, {"name": "school", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{10})?$"}}, {"name": "state", "in": "query", "schema": {"type": "string", "enum": ["open", "acknowledged", "resolved"]}}, {"name": "rule", "in": "query", "schema": {"type": "string", "enum": ["dropoutReported", "transferNotReceived", "suspensionOverdue", "absenceWarning", "absenceDropout", "crosscheckSuspect", "caseStalled"]}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}, {"$ref": "#/components/parameters/lang"}],
            "responses": {"200": {"description": "alerts", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Alert"}}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/alerts/{id}": {
          "get": {
            "summary": "One alert",
            "operationId": "getAlert",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}, {"$ref": "#/components/parameters/lang"}],
            "responses": {"200": {"description": "the alert", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/alerts/{id}/ack": {
          "post": {
            "summary": "Acknowledge an alert: seen, and acting on it",
            "operationId": "acknowledgeAlert",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "properties": {"note": {"type": ["string", "null"], "maxLength": 500}}}}}},
            "responses": {"200": {"description": "the alert, acknowledged", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/cases": {
          "get": {
            "summary": "Persuasion-return cases in the caller's scope; open and probation unless state is given",
            "operationId": "listCases",
            "parameters": [{"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$"}}, {"name": "school", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{10})?$"}}, {"name": "state", "in": "query", "schema": {"type": "string", "enum": ["open", "probation", "closed"]}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}, {"$ref": "#/components/parameters/lang"}],
            "responses": {"200": {"description": "cases", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/CaseSummary"}}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}
          },
          "post": {
            "summary": "Open a case by hand (cases also open by themselves)",
            "operationId": "openCase",
            "parameters": [{"$ref": "#/components/parameters/lang"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["student"], "additionalProperties": false, "properties": {"student": {"type": "string", "minLength": 1, "maxLength": 64}, "causes": {"type": ["array", "null"], "maxItems": 9, "items": {"type": "string", "enum": ["weariness", "learningDifficulty", "poverty", "disability", "illness", "work", "earlyMarriage", "familyCrisis", "other", "厌学", "学习困难", "家庭经济困难", "残疾", "疾病", "外出务工", "早婚早育", "家庭变故", "其他"]}}, "note": {"type": ["string", "null"], "maxLength": 500}}}}}},
            "responses": {"201": {"description": "the case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseFile"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/cases/{id}": {
          "get": {
            "summary": "One case in full: visits, steps, teaching, siblings, history",
            "operationId": "getCase",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}, {"$ref": "#/components/parameters/lang"}],
            "responses": {"200": {"description": "the case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseFile"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/cases/{id}/assign": {
          "post": {
            "summary": "Name the township official and the school teacher (双线控辍)",
            "operationId": "assignCase",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "properties": {"townshipOfficial": {"type": ["string", "null"], "minLength": 1, "maxLength": 50}, "schoolTeacher": {"type": ["string", "null"], "minLength": 1, "maxLength": 50}}}}}},
            "responses": {"200": {"description": "the case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseFile"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/cases/{id}/plan": {
          "post": {
            "summary": "The plan: causes and measures (一生一策)",
            "operationId": "planCase",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "properties": {"causes": {"type": ["array", "null"], "maxItems": 9, "items": {"type": "string", "enum": ["weariness", "learningDifficulty", "poverty", "disability", "illness", "work", "earlyMarriage", "familyCrisis", "other", "厌学", "学习困难", "家庭经济困难", "残疾", "疾病", "外出务工", "早婚早育", "家庭变故", "其他"]}}, "measures": {"type": ["array", "null"], "maxItems": 8, "items": {"type": "string", "enum": ["homeVisit", "counselling", "tutoring", "specialEducation", "homeTeaching", "vocational", "subsidyReferral", "legalNotice", "上门劝返", "心理疏导", "学习方法辅导", "特教学校就读", "送教上门", "职业中学", "资助转介", "依法控辍"]}}, "note": {"type": ["string", "null"], "maxLength": 500}}}}}},
            "responses": {"200": {"description": "the case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseFile"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/cases/{id}/visits": {
          "post": {
            "summary": "Record a home visit",
            "operationId": "recordVisit",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["visitors", "outcome"], "additionalProperties": false, "properties": {"date": {"type": ["string", "null"], "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"}, "visitors": {"type": "array", "minItems": 1, "maxItems": 10, "items": {"type": "string", "minLength": 1, "maxLength": 50}}, "outcome": {"type": "string", "minLength": 1, "maxLength": 1000}, "nextVisit": {"type": ["string", "null"], "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"}, "campaign": {"type": ["string", "null"], "maxLength": 50}}}}}},
            "responses": {"201": {"description": "the case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseFile"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/cases/{id}/steps": {
          "post": {
            "summary": "Record a step of the legal ladder (依法控辍)",
            "operationId": "recordLegalStep",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["step"], "additionalProperties": false, "properties": {"step": {"type": "string", "enum": ["classTeacher", "schoolLeaders", "townshipNotice", "penaltyNotice", "court", "班主任劝返", "学校领导劝返", "乡镇督促入学通知书", "处罚告知", "提起诉讼"]}, "date": {"type": ["string", "null"], "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"}, "note": {"type": ["string", "null"], "maxLength": 500}}}}}},
            "responses": {"201": {"description": "the case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseFile"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/cases/{id}/teaching": {
          "post": {
            "summary": "Record a home-delivered teaching session (送教上门)",
            "operationId": "recordTeaching",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["teacher", "lessons"], "additionalProperties": false, "properties": {"date": {"type": ["string", "null"], "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"}, "teacher": {"type": "string", "minLength": 1, "maxLength": 50}, "lessons": {"type": "integer", "minimum": 1, "maximum": 10}}}}}},
            "responses": {"201": {"description": "the case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseFile"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/cases/{id}/close": {
          "post": {
            "summary": "Close a case (销号); a return closes by itself once the registry records it",
            "operationId": "closeCase",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}, {"$ref": "#/components/parameters/lang"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["outcome"], "additionalProperties": false, "properties": {"outcome": {"type": "string", "enum": ["specialEducation", "homeTeaching", "vocational", "enrolledElsewhere", "emigrated", "deceased", "returned", "特教学校就读", "送教上门", "职业学校就读", "县外就读（已核实）", "出国（境）", "死亡", "劝返复学"]}, "date": {"type": ["string", "null"], "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"}, "proof": {"type": ["string", "null"], "maxLength": 500}}}}}},
            "responses": {"200": {"description": "the case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseFile"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/alerts/stream": {
          "get": {
            "summary": "The caller's alerts as Server-Sent Events: `id:` is the event's sequence number; reconnect with Last-Event-ID to get everything missed, in order, exactly once; `: keep-alive` comments every 15 s. A township user gets exactly their township; a county user all, or one with ?township=.",
            "operationId": "streamAlerts",
            "parameters": [{"name": "township", "in": "query", "schema": {"type": "string", "pattern": "^([0-9]{9})?$"}}, {"name": "Last-Event-ID", "in": "header", "schema": {"type": "string", "pattern": "^[0-9]{1,18}$"}}, {"name": "lastEventId", "in": "query", "description": "Last-Event-ID for clients that cannot set headers", "schema": {"type": "string", "pattern": "^[0-9]{1,18}$"}}, {"$ref": "#/components/parameters/lang"}],
            "responses": {"200": {"description": "an endless text/event-stream: `id: N`, `event: alert`, `data: <Alert JSON>`", "content": {"text/event-stream": {"schema": {"type": "string"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "405": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}
          }
        }
      },
      "schemas": {
        "Alert": {
          "type": "object",
          "required": [
            "id",
            "rule",
            "severity",
            "state",
            "studentName",
            "student",
            "township",
            "school",
            "text",
            "textEnglish",
            "createdAt"
          ],
          "properties": {
            "id": {"type": "integer"},
            "rule": {"type": "string"},
            "severity": {"type": "string", "enum": ["warning", "urgent"]},
            "state": {"type": "string", "enum": ["open", "acknowledged", "resolved"]},
            "studentName": {"type": "string"},
            "student": {"type": "string", "description": "masked student number"},
            "township": {"type": "string"},
            "school": {"type": "string"},
            "text": {"type": "string"},
            "textEnglish": {"type": "string"},
            "createdAt": {"type": "string"},
            "acknowledgedAt": {"type": "string"},
            "acknowledgedBy": {"type": "string"},
            "note": {"type": "string"},
            "resolvedAt": {"type": "string"},
            "resolution": {"type": "string"},
            "caseID": {"type": "integer"}
          }
        },
        "CaseSummary": {
          "type": "object",
          "required": [
            "id",
            "state",
            "origin",
            "studentName",
            "student",
            "township",
            "school",
            "openedOn",
            "causes",
            "measures",
            "visits",
            "lessons",
            "reopened"
          ],
          "properties": {
            "id": {"type": "integer"},
            "state": {"type": "string", "enum": ["open", "probation", "closed"]},
            "origin": {"type": "string"},
            "studentName": {"type": "string"},
            "student": {"type": "string"},
            "township": {"type": "string"},
            "school": {"type": "string"},
            "schoolName": {"type": "string"},
            "grade": {"type": "integer"},
            "age": {"type": "integer"},
            "registeredPoor": {"type": "boolean"},
            "openedOn": {"type": "string"},
            "townshipOfficial": {"type": "string"},
            "schoolTeacher": {"type": "string"},
            "causes": {"type": "array", "items": {"type": "string"}},
            "measures": {"type": "array", "items": {"type": "string"}},
            "visits": {"type": "integer"},
            "lastVisitOn": {"type": "string"},
            "nextVisitOn": {"type": "string"},
            "lessons": {"type": "integer"},
            "outcome": {"type": "string"},
            "closedOn": {"type": "string"},
            "probationUntil": {"type": "string"},
            "reopened": {"type": "integer"}
          }
        },
        "CaseFile": {
          "type": "object",
          "required": ["summary", "visits", "steps", "teaching", "siblings", "history", "teachingQuota"],
          "properties": {
            "summary": {"$ref": "#/components/schemas/CaseSummary"},
            "visits": {"type": "array", "items": {"type": "object"}},
            "steps": {"type": "array", "items": {"type": "object"}},
            "teaching": {"type": "array", "items": {"type": "object"}},
            "siblings": {"type": "array", "items": {"type": "object"}},
            "history": {"type": "array", "items": {"type": "object", "required": ["at", "actor", "kind", "detail"], "properties": {"at": {"type": "string"}, "actor": {"type": "string"}, "kind": {"type": "string"}, "detail": {"type": "string"}}}},
            "teachingQuota": {"type": "integer"}
          }
        }
      }
    }
    """#
}
