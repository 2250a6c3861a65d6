import CDOPDomain
import Foundation

/// The OpenAPI 3.1 description of the JSON API, built from the route table itself, so a route cannot be served
/// without being described (nor described without being served).
enum OpenAPIDocument {
    /// What each API route does, by "METHOD /path".
    static let summaries: [String: String] = [
        "GET /api/v1/openapi.json": "This document",
        "GET /api/v1/me": "Who is signed in, their roles and areas, and the CSRF token for unsafe calls",
        "POST /api/v1/notifications": "Notify a child's death (public; limited per address)",
        "GET /api/v1/cases":
            "Find cases in the caller's areas by reference, name, NHS number, date of death, stage and area (recorded on the caller's access log)",
        "GET /api/v1/cases/:case":
            "One case with its requests, outcome, actions and timeline (recorded on the caller's access log)",
        "POST /api/v1/cases/:case/commands": "Issue a command on a case (triage, request a form, pause, close, ...)",
        "GET /api/v1/cases/:case/requests/:request":
            "One form request: its status, contact, returned answers and every email sent for it (subject, when queued, delivered or failed)",
        "POST /api/v1/cases/:case/requests/:request/commands":
            "Work on a form request: send a reminder now, change the contact (a new link; the old one stops working), waive, record a decline, withdraw (the agency is told by email)",
        "GET /api/v1/dashboard":
            "The coordinator's dashboard: new, duplicates, requests due and overdue, failed emails, open cases by stage and age",
        "GET /api/v1/agencies": "The agency directory",
        "GET /api/v1/forms": "Every form definition (id, version, title)",
        "GET /api/v1/forms/:form": "One form definition: sections, fields, types, options, conditions",
        "GET /api/v1/links/:token": "A practitioner's request: the form to answer and any saved draft",
        "POST /api/v1/links/:token": "Save a draft of, or submit, a practitioner's form",
        "GET /api/v1/meetings": "Meetings, latest first (panel members: panel meetings only)",
        "POST /api/v1/meetings": "Schedule a meeting",
        "GET /api/v1/meetings/:meeting":
            "One meeting: time, venue, invitees and attendance (organisers only), agenda, minutes, actions",
        "GET /api/v1/meetings/:meeting/pack":
            "The agenda pack: each case on the agenda the caller may see, pseudonymised, with its returned forms (each recorded on the caller's access log)",
        "POST /api/v1/meetings/:meeting/commands":
            "Issue a command on a meeting (invite, withdraw an invitation, list or remove a case, move, cancel, held, minutes, actions)",
        "POST /api/v1/cases/:case/rapid-response":
            "Convene the case's rapid-response meeting with its invitees (sends .ics invitations)",
        "GET /api/v1/panel/cases/:case":
            "A case as the panel reads it: pseudonymised, with returned answers without identifying fields",
        "POST /api/v1/panel/cases/:case/outcome": "Record the panel's outcome from the analysis form's answers",
        "GET /api/v1/users": "Staff accounts (administrators)",
        "POST /api/v1/users": "Add a staff account; the first password is returned once",
        "POST /api/v1/users/:user/commands":
            "Disable, enable, reset the password of, change the access of, or remove the second factor of an account",
    ]

    /// Request bodies by "METHOD /path": a schema reference.
    static let bodies: [String: String] = [
        "POST /api/v1/notifications": "Notification",
        "POST /api/v1/cases/:case/commands": "CaseCommand",
        "POST /api/v1/cases/:case/requests/:request/commands": "RequestCommand",
        "POST /api/v1/links/:token": "LinkSubmission",
        "POST /api/v1/meetings": "NewMeeting",
        "POST /api/v1/meetings/:meeting/commands": "MeetingCommand",
        "POST /api/v1/cases/:case/rapid-response": "Convene",
        "POST /api/v1/panel/cases/:case/outcome": "Outcome",
        "POST /api/v1/users": "NewUser",
        "POST /api/v1/users/:user/commands": "UserCommand",
    ]

    /// Query parameters by "METHOD /path".
    static let queryParameters: [String: [(name: String, description: String)]] = [
        "GET /api/v1/cases": CaseSearchAPI.parameters
    ]

    static func json(_ specs: [RouteSpec], panel: String) -> Data {
        var paths: [String: [String: Any]] = [:]
        for spec in specs where spec.kind == .api {
            let path =
                "/"
                + spec.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                .joined(separator: "/")
            let parameters = spec.path.split(separator: "/").filter { $0.hasPrefix(":") }.map { name -> [String: Any] in
                ["name": String(name.dropFirst()), "in": "path", "required": true, "schema": ["type": "string"]]
            }
            var operation: [String: Any] = [
                "operationId": operationID(spec),
                "summary": summaries[spec.description] ?? spec.description,
                "responses": responses(spec),
            ]
            let query = (queryParameters[spec.description] ?? []).map { parameter -> [String: Any] in
                [
                    "name": parameter.name, "in": "query", "required": false, "description": parameter.description,
                    "schema": ["type": "string"],
                ]
            }
            if !(parameters + query).isEmpty { operation["parameters"] = parameters + query }
            if let body = bodies[spec.description] {
                operation["requestBody"] = [
                    "required": true,
                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(body)"]]],
                ]
            }
            switch spec.access {
            case .everyone, .practitionerLink: operation["security"] = [[String: [String]]]()
            case .staff(let roles):
                operation["security"] = [["session": [String]()]]
                operation["x-roles"] = roles.map(\.rawValue).sorted()
            }
            paths[path, default: [:]][spec.method.lowercased()] = operation
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "cdop API", "version": "1",
                "description": "The \(panel)'s child death review workflow. Errors are RFC 9457 problem details; "
                    + "signed-in calls that change anything send the session's CSRF token in X-CSRF-Token.",
            ],
            "paths": paths,
            "components": [
                "securitySchemes": [
                    "session": ["type": "apiKey", "in": "cookie", "name": "cdop_session"]
                ],
                "schemas": schemas,
            ],
        ]
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data()
    }

    static func operationID(_ spec: RouteSpec) -> String {
        let words = spec.path.split(separator: "/").dropFirst(2).map {
            $0.hasPrefix(":") ? "by" + $0.dropFirst().capitalized : String($0)
        }
        return spec.method.lowercased() + words.map { $0.replacingOccurrences(of: ".", with: "_").capitalized }.joined()
    }

    static func responses(_ spec: RouteSpec) -> [String: Any] {
        let problem: [String: Any] = ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]
        var responses: [String: Any] = [
            spec.method == "POST" ? "200" : "200": [
                "description": "Done", "content": ["application/json": ["schema": ["type": "object"]]],
            ],
            "404": ["description": "Not found", "content": problem],
        ]
        if spec.method == "POST" {
            responses["201"] = [
                "description": "Created", "content": ["application/json": ["schema": ["type": "object"]]],
            ]
            responses["415"] = ["description": "The body is not JSON", "content": problem]
            responses["422"] = ["description": "Refused: the problem names the field", "content": problem]
        }
        if case .staff = spec.access {
            responses["401"] = ["description": "Not signed in", "content": problem]
            responses["403"] = [
                "description": "Not allowed for the caller's role, or the CSRF token is wrong", "content": problem,
            ]
        }
        if spec.access == .practitionerLink || spec.description == "POST /api/v1/notifications" {
            responses["429"] = ["description": "Too many requests from this address", "content": problem]
        }
        return responses
    }

    static var instant: [String: Any] { ["type": "string", "format": "date-time"] }

    static var schemas: [String: Any] {
        [
            "Problem": [
                "type": "object", "required": ["type", "title", "status", "detail", "code"],
                "properties": [
                    "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                    "detail": ["type": "string"], "code": ["type": "string"],
                    "errors": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": ["pointer": ["type": "string"], "detail": ["type": "string"]],
                        ],
                    ],
                ],
            ],
            "Notification": [
                "type": "object", "required": ["notifier", "child", "death", "circumstances", "professionalsInvolved"],
                "description": "The notification form as JSON (see the README's JSON formats).",
                "properties": [
                    "notifier": ["type": "object"], "child": ["type": "object"], "death": ["type": "object"],
                    "residenceAreaCode": ["type": ["string", "null"]], "areaOfDeathCode": ["type": ["string", "null"]],
                    "circumstances": ["type": "string"],
                    "professionalsInvolved": ["type": "array", "items": ["type": "object"]],
                    "parentsAndCarers": [
                        "type": "array", "description": "Each {name, relationship, contact?}; may be left out.",
                        "items": ["type": "object", "required": ["name", "relationship"]],
                    ],
                ],
            ],
            "CaseCommand": [
                "type": "object", "required": ["command"],
                "properties": [
                    "command": ["type": "string", "enum": CaseCommandBody.roles.keys.sorted()],
                    "reason": [
                        "type": "string",
                        "description":
                            "Why (required by close, correct-notification, reopen-duplicate-decision, reopen, transfer, ...)",
                    ],
                    "correction": [
                        "type": "object",
                        "description": "correct-notification: only the fields to change, shaped as in the notification",
                        "properties": [
                            "notifier": ["type": "object"], "residenceAreaCode": ["type": "string"],
                            "areaOfDeathCode": ["type": "string"],
                            "circumstances": ["type": "string"],
                            "professionalsInvolved": ["type": "array", "items": ["type": "object"]],
                            "parentsAndCarers": ["type": "array", "items": ["type": "object"]],
                            "child": [
                                "type": "object",
                                "properties": [
                                    "name": ["type": "object"], "dateOfBirth": ["type": "string", "format": "date"],
                                    "sex": ["type": "string"],
                                    "nhsNumber": ["type": "object"], "ethnicity": ["type": "string"],
                                    "address": ["type": "object"],
                                    "gpPractice": ["type": "string"],
                                ],
                            ],
                            "death": [
                                "type": "object",
                                "properties": [
                                    "date": ["type": "string", "format": "date"], "time": ["type": "string"],
                                    "place": ["type": "object"],
                                    "birthStatus": ["type": "string"], "reportedExpectation": ["type": "string"],
                                    "postMortem": ["type": "string"], "coronerInformed": ["type": "string"],
                                    "causeOfDeath": ["type": "string"],
                                ],
                            ],
                        ],
                    ],
                ],
                "additionalProperties": true,
            ],
            "RequestCommand": [
                "type": "object", "required": ["command"],
                "properties": [
                    "command": ["type": "string", "enum": RequestWork.allCases.map(\.rawValue)],
                    "reason": ["type": "string", "description": "waive, decline, withdraw: why (required for them)"],
                    "contactEmail": [
                        "type": "string", "format": "email", "description": "change-contact: the new contact's address",
                    ],
                ],
                "additionalProperties": false,
            ],
            "MeetingCommand": [
                "type": "object", "required": ["command"],
                "properties": ["command": ["type": "string", "enum": MeetingCommandBody.roles.keys.sorted()]],
                "additionalProperties": true,
            ],
            "NewMeeting": [
                "type": "object", "required": ["type", "title", "startsAt", "endsAt"],
                "properties": [
                    "type": ["type": "string", "enum": MeetingType.allCases.map(\.rawValue)],
                    "title": ["type": "string"],
                    "startsAt": instant, "endsAt": instant, "place": ["type": "string"], "callLink": ["type": "string"],
                    "theme": ["type": "string"],
                ],
            ],
            "Convene": [
                "type": "object", "required": ["startsAt", "endsAt", "invitees"],
                "properties": [
                    "startsAt": instant, "endsAt": instant, "place": ["type": "string"], "callLink": ["type": "string"],
                    "invitees": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["name", "email", "role"],
                            "properties": [
                                "name": ["type": "string"], "email": ["type": "string"],
                                "role": ["type": "string", "enum": InviteeRole.allCases.map(\.rawValue)],
                                "organisation": ["type": "string"],
                            ],
                        ],
                    ],
                ],
            ],
            "Outcome": [
                "type": "object", "required": ["answers"],
                "properties": [
                    "answers": [
                        "type": "object",
                        "description": "The analysis form's answers by field id (GET /api/v1/forms/analysis)",
                    ]
                ],
            ],
            "NewUser": [
                "type": "object", "required": ["username", "displayName", "email", "roles"],
                "properties": [
                    "username": ["type": "string"], "displayName": ["type": "string"], "email": ["type": "string"],
                    "roles": [
                        "type": "array", "items": ["type": "string", "enum": StaffRole.allCases.map(\.rawValue)],
                    ],
                    "areas": ["type": "array", "items": ["type": "string"]],
                ],
            ],
            "UserCommand": [
                "type": "object", "required": ["command"],
                "properties": [
                    "command": [
                        "type": "string",
                        "enum": ["disable", "enable", "reset-password", "change-access", "remove-second-factor"],
                    ],
                    "reason": ["type": "string"],
                    "roles": [
                        "type": "array", "items": ["type": "string", "enum": StaffRole.allCases.map(\.rawValue)],
                    ],
                    "areas": ["type": "array", "items": ["type": "string"]],
                    "password": [
                        "type": "string",
                        "description":
                            "Your current password: needed (with code) to add a role to your own account or remove your own second factor",
                    ],
                    "code": [
                        "type": "string",
                        "description": "A new one-time code from your authenticator app, with password",
                    ],
                ],
            ],
            "LinkSubmission": [
                "type": "object", "required": ["action", "answers"],
                "properties": [
                    "action": ["type": "string", "enum": ["draft", "submit"]],
                    "answers": [
                        "type": "object",
                        "description":
                            "Answers by field id: {text}, {number}, {date}, {choice}, {multiple}, {yesNo} or {groups}",
                    ],
                ],
            ],
        ]
    }
}
