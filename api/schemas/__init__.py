"""Marshmallow schemas: request parsing and the shapes published in the OpenAPI document, one module per
area of the API; every schema is importable from ``api.schemas``."""
from api.schemas.audit import (  # noqa: F401
    AccessLogEntry,
    AccessLogQuery,
    ChainBreak,
    Divergence,
    EventSummary,
    ExportQuery,
    MiningQuery,
    PointInTimeState,
    ReadyTaskAt,
    ReplayReport,
    VerifyReport,
)
from api.schemas.auth import TokenRequest, TokenResponse  # noqa: F401
from api.schemas.casussen import (  # noqa: F401
    CASUS_STATUSES,
    CasusDetail,
    CasusInstance,
    CasusMessageRequest,
    CasusSummary,
    Duo,
    Person,
    RegisterCasusRequest,
    TimelineEvent,
)
from api.schemas.common import VERSION_NUMBER, Error, Strict  # noqa: F401
from api.schemas.decisions import (  # noqa: F401
    DecisionResult,
    EvaluateDecisionRequest,
    MatchedRule,
    RequiredDecisionResult,
)
from api.schemas.instances import (  # noqa: F401
    CancelRequest,
    Event,
    Incident,
    Instance,
    InstanceSummary,
    MessageRequest,
    MessageResponse,
    ResetRequest,
    RetryRequest,
    StartInstanceRequest,
)
from api.schemas.models import (  # noqa: F401
    BulkMigrateRequest,
    BulkMigrationReport,
    DeployResponse,
    ElementChange,
    Handler,
    HandlerParameter,
    MigrateRequest,
    MigrationCheck,
    MigrationResult,
    ModelProblem,
    ModelVersion,
    ProcessModel,
    RefusedMigration,
    ValidationReport,
    VersionChanges,
)
from api.schemas.tasks import (  # noqa: F401
    AssignTaskRequest,
    Colleague,
    CompleteTaskRequest,
    ContextItem,
    Notification,
    Task,
    TaskDetail,
    WorklistArgs,
)
