// The namespaces most files of this project use (decision 0017: one GlobalUsings.cs per project).
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using TechInterviewCoach.BuildingBlocks.Composition;
global using TechInterviewCoach.BuildingBlocks.Outbox;
global using TechInterviewCoach.SharedKernel;
