"""DMN decisions from any modeler: parsed tables, FEEL, hit policies and evaluation of decision graphs."""
