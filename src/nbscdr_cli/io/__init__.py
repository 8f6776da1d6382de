"""Reading and validating what users and nbscdr's own data give: catalog files
(built-in or a user's), portfolio files, and the validated catalog's cache."""
