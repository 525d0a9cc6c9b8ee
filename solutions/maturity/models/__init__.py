from solutions.maturity.models.assessment import Answer, Assessment, AssessmentState
from solutions.maturity.models.roadmap import BudgetClass, RoadmapItem, RoadmapStatus

__all__ = ["Answer", "Assessment", "AssessmentState", "BudgetClass", "RoadmapItem", "RoadmapStatus"]
