// Custom Elements Manifest analyzer configuration (used by `npm run build` and `npm run analyze`).
export default {
  litelement: true,
  // Do not rewrite package.json's "customElements" field on every build (it is set by hand).
  packagejson: false,
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  plugins: [
    {
      // Registration goes through defineElement(tag, Class) (idempotent, version-aware), which the
      // analyzer does not know: record the custom-element-definition exports it would for
      // customElements.define.
      name: 'nsw-define-element',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isCallExpression(node) || node.expression.getText?.() !== 'defineElement') return;
        const [tagArg, classArg] = node.arguments;
        if (!tagArg || !classArg || !ts.isStringLiteral(tagArg) || !ts.isIdentifier(classArg)) return;
        const className = classArg.text;
        let module = moduleDoc.path;
        for (const statement of node.getSourceFile().statements) {
          if (!ts.isImportDeclaration(statement)) continue;
          const names = statement.importClause?.namedBindings;
          if (names && ts.isNamedImports(names) && names.elements.some((e) => e.name.text === className)) {
            const dir = moduleDoc.path.split('/').slice(0, -1).join('/');
            module = `${dir}/${statement.moduleSpecifier.text.replace(/^\.\//, '').replace(/\.js$/, '.ts')}`;
          }
        }
        moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tagArg.text, declaration: { name: className, module } }];
      },
    },
    {
      // NswElement.emit(name, detail) dispatches `new CustomEvent(name)`: the analyzer reports an
      // event literally called "name". Every event of the library starts with `nsw-` (SPEC
      // "Events"), and each one is documented with @fires, so events without the prefix are dropped.
      name: 'nsw-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (Array.isArray(declaration.events)) declaration.events = declaration.events.filter((event) => /^nsw-/.test(event.name ?? ''));
          }
          // defineElement's own `customElements.define(tag, element)` is not a definition of a tag.
          if (Array.isArray(mod.exports)) mod.exports = mod.exports.filter((e) => e.kind !== 'custom-element-definition' || /-/.test(e.name));
        }
      },
    },
  ],
};
