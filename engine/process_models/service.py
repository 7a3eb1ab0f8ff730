"""Process-model use cases for process owners: deploy and validate, each one unit of work."""
from engine.process_models import deployments
from engine.security import authorization
from engine.security.actors import Actor


def _require_owner(actor: Actor) -> None:
    authorization.require(actor, authorization.MODELS)


def deploy(rt, files: dict[str, str], actor: Actor) -> deployments.DeployResult:
    _require_owner(actor)
    with rt.uow() as uow:
        result = deployments.deploy(uow.session, files, actor.username, rt.clock.now(), rt.handlers, rt.forms_dir)
        uow.commit()
        return result


def validate(rt, files: dict[str, str]) -> dict:
    """Check files without deploying; raises DeployRefused with one entry per problem."""
    with rt.uow() as uow:
        return deployments.validate(files, rt.handlers, rt.forms_dir,
                                    deployed=lambda pid: deployments.deployed_files(uow.session, pid))
