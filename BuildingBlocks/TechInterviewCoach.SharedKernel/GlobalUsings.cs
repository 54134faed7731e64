// The namespaces most files of this project use (decision 0017: one GlobalUsings.cs per project).
global using System.Text.Json;
global using System.Text.RegularExpressions;
